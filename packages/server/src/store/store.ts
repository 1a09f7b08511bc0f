import type { Db, DbOrTx } from '../db/database.js';
import { accessFactStore } from './access-facts.js';
import { apiKeyStore } from './api-keys.js';
import { auditStore } from './audit.js';
import { groupStore } from './groups.js';
import { invitationStore } from './invitations.js';
import { memberStore } from './members.js';
import { orgTreeStore } from './org-tree.js';
import { organizationStore } from './organizations.js';
import { idempotencyStore, outboxStore } from './platform.js';
import { resourceStore } from './resources.js';
import { roleStore } from './roles.js';
import { settingStore } from './settings.js';
import { sessionStore, userStore } from './users.js';

/** The storage adapter routes use: intention-revealing methods grouped by resource. */
export interface Store {
  /** The Drizzle handle, for queries no store method covers yet. */
  readonly db: DbOrTx;
  readonly users: ReturnType<typeof userStore>;
  readonly organizations: ReturnType<typeof organizationStore>;
  readonly members: ReturnType<typeof memberStore>;
  readonly invitations: ReturnType<typeof invitationStore>;
  readonly roles: ReturnType<typeof roleStore>;
  readonly groups: ReturnType<typeof groupStore>;
  readonly apiKeys: ReturnType<typeof apiKeyStore>;
  readonly settings: ReturnType<typeof settingStore>;
  readonly sessions: ReturnType<typeof sessionStore>;
  readonly audit: ReturnType<typeof auditStore>;
  readonly outbox: ReturnType<typeof outboxStore>;
  readonly idempotency: ReturnType<typeof idempotencyStore>;
  readonly resources: ReturnType<typeof resourceStore>;
  readonly orgTree: ReturnType<typeof orgTreeStore>;
  /** The facts behind access decisions, in one round trip. */
  readonly accessFacts: ReturnType<typeof accessFactStore>;
  /**
   * Runs `fn` in one transaction with a store bound to it: every mutation and its audit event
   * commit together or not at all. Nested calls join the outer transaction.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
}

function buildStore(db: DbOrTx, inTransaction: boolean): Store {
  const store: Store = {
    db,
    users: userStore(db),
    organizations: organizationStore(db),
    members: memberStore(db),
    invitations: invitationStore(db),
    roles: roleStore(db),
    groups: groupStore(db),
    apiKeys: apiKeyStore(db),
    settings: settingStore(db),
    sessions: sessionStore(db),
    audit: auditStore(db),
    outbox: outboxStore(db),
    idempotency: idempotencyStore(db),
    resources: resourceStore(db),
    orgTree: orgTreeStore(db),
    accessFacts: accessFactStore(db),
    transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
      if (inTransaction) return fn(store);
      return (db as Db).transaction((tx) => fn(buildStore(tx, true)));
    },
  };
  return store;
}

/** Creates the storage adapter over an open Drizzle database. */
export function createStore(db: Db): Store {
  return buildStore(db, false);
}
