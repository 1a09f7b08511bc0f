// Type tests (checked by `pnpm typecheck`): routes, bodies and results are typed.
import { createOrgkitClient } from './client.js';
import type { OrgkitError } from './problem.js';

const client = createOrgkitClient({ baseUrl: 'http://localhost' });

export async function typed() {
  // @ts-expect-error: not a route of the API
  await client.GET('/v1/nope');
  // @ts-expect-error: sign-up needs a password and a name
  await client.POST('/v1/auth/sign-up', { body: { email: 'a@b.c' } });
  const res = await client.POST('/v1/auth/sign-up', {
    body: { email: 'a@b.c', password: 'p', name: 'n' },
  });
  if (res.error) {
    const error: OrgkitError = res.error;
    return error.code;
  }
  // @ts-expect-error: the user has no such field
  return res.data.user.passwordHash;
}
