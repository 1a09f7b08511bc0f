// Type tests, checked by `pnpm typecheck`: a typo in a permission must not compile.
import { PermissionSet } from '../permission-set/permission-set.js';
import { type TestPermission, testCatalog } from '../test-support/fixtures.js';

const set = PermissionSet.empty(testCatalog);
set.has('members:invite');
set.has('directories:all');
// @ts-expect-error: 'membres' is not a resource of the catalog
set.has('membres:invite');
// @ts-expect-error: reports are not ACL-controlled, so there is no reports:all
set.has('reports:all');

const ok: TestPermission = 'tier:l2';
// @ts-expect-error: unknown action
const typo: TestPermission = 'tier:l3';

export { ok, typo };
