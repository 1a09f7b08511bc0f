import {
  AccessModel,
  type AclGrant,
  type Catalog,
  type PermissionSet,
  type RoleDefinition,
  type RoleSpec,
  type SettingsSpec,
} from '@orgkit/core';
import { encodeCursor, newId, newSortableId } from './encoding.js';
import type { OrgkitMockScenario } from './scenario.js';

type UserStatus = 'invited' | 'active' | 'disabled';

/** @internal mutable records of the mock */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  password: string | null;
  status: UserStatus;
  platformAdmin: boolean;
  createdAt: Date;
  lastActiveAt: Date | null;
}
export interface OrgRow {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  kind: 'partner' | 'client' | 'standard';
  createdAt: Date;
  deletedAt: Date | null;
}
export interface MembershipRow {
  orgId: string;
  userId: string;
  roles: string[];
  status: 'active' | 'disabled';
  joinedAt: Date;
}
export interface InvitationRow {
  id: string;
  orgId: string;
  email: string;
  roles: string[];
  inviterId: string | null;
  status: 'pending' | 'accepted' | 'revoked';
  expiresAt: Date;
  createdAt: Date;
  token: string | null;
}
export interface AuditRow {
  id: string;
  orgId: string | null;
  actorId: string | null;
  actorType: 'user' | 'api_key' | 'system';
  action: string;
  targetType: string | null;
  targetId: string | null;
  description: string;
  before: unknown;
  after: unknown;
  createdAt: Date;
}
export interface GroupRow {
  id: string;
  orgId: string;
  name: string;
  description: string | null;
  roles: string[];
  memberIds: string[];
  createdAt: Date;
  updatedAt: Date;
}
export interface ResourceRow {
  orgId: string;
  type: string;
  id: string;
  parentId: string | null;
  createdAt: Date;
}
export interface GrantRow {
  orgId: string;
  resource: { type: string; id: string };
  principal: AclGrant['principal'];
  actions?: readonly string[];
  role?: string;
}
export interface CustomRoleRow {
  def: RoleDefinition<string>;
  createdAt: Date;
  updatedAt: Date;
}
export interface ApiKeyRow {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  orgId: string | null;
  scopes: string[] | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}
export interface SettingRow {
  /** `platform` (id ''), `org`, `group`, or `user` (id `orgId/userId`: kept per org). */
  scopeType: 'platform' | 'org' | 'group' | 'user';
  scopeId: string;
  key: string;
  value: unknown;
  locked: boolean;
  updatedAt: Date;
}
export interface MailRow {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  meta: Record<string, string> | null;
  createdAt: Date;
}
export interface SessionRow {
  userId: string;
  activeOrgId: string | null;
}

/** What the caller may do in one org (the server's `OrgAccess`). */
export interface MockAccess {
  readonly org: OrgRow;
  readonly member: boolean;
  readonly permissions: PermissionSet<string>;
}

/** Options of {@link MockDb}. */
export interface MockDbOptions {
  readonly catalog: Catalog<string>;
  readonly presets: readonly RoleSpec<string>[];
  readonly now: () => Date;
  /** The declared setting keys (the server's `settings` option). */
  readonly settings: SettingsSpec;
  /** Public URL of the app in mailed links (the server's `baseUrl`). */
  readonly appUrl: string;
}

/** The password of scenario users that do not set one. */
export const DEFAULT_MOCK_PASSWORD = 'password123';
const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;
/** The server's `ACTIVITY_TOUCH_INTERVAL_MS`: last activity moves at most this often. */
const ACTIVITY_TOUCH_INTERVAL_MS = 5 * 60 * 1000;
const EPOCH = '2026-01-01T00:00:00.000Z';

/**
 * The mock API's in-memory database. Decisions go through `AccessModel` from `@orgkit/core`,
 * rebuilt from these records when they change, so the mock answers as the server does.
 */
export class MockDb {
  readonly users = new Map<string, UserRow>();
  readonly orgs = new Map<string, OrgRow>();
  readonly memberships = new Map<string, MembershipRow>();
  invitations: InvitationRow[] = [];
  audit: AuditRow[] = [];
  readonly groups = new Map<string, GroupRow>();
  readonly resources = new Map<string, ResourceRow>();
  grants: GrantRow[] = [];
  /** Custom roles by `orgId/key`. */
  readonly customRoles = new Map<string, CustomRoleRow>();
  apiKeys: ApiKeyRow[] = [];
  settings: SettingRow[] = [];
  /** Mail "sent" by the mock: the dev outbox (`GET /dev/outbox`). */
  outbox: MailRow[] = [];
  /** Password reset links: token → user and expiry (single use). */
  readonly resetTokens = new Map<string, { userId: string; expiresAt: Date }>();
  /** Activation links of accounts whose address is not proven yet (single-use). */
  readonly activationTokens = new Map<string, { userId: string; expiresAt: Date }>();
  readonly sessions = new Map<string, SessionRow>();
  /** The session of requests that carry no session cookie. */
  ambient: SessionRow | null;
  membershipPolicy: 'single' | 'multiple';
  selfServe: boolean;
  private cachedModel: AccessModel<string> | undefined;

  constructor(
    scenario: OrgkitMockScenario,
    readonly options: MockDbOptions,
  ) {
    for (const u of scenario.users) {
      this.users.set(u.id, {
        id: u.id,
        email: u.email.toLowerCase(),
        name: u.name,
        password: u.password ?? DEFAULT_MOCK_PASSWORD,
        status: u.status ?? 'active',
        platformAdmin: u.platformAdmin ?? false,
        createdAt: new Date(u.createdAt ?? EPOCH),
        lastActiveAt: u.lastActiveAt ? new Date(u.lastActiveAt) : null,
      });
    }
    for (const o of scenario.organizations) {
      this.orgs.set(o.id, {
        id: o.id,
        name: o.name,
        slug: o.slug ?? o.id,
        parentId: o.parentId ?? null,
        kind: o.kind ?? (o.parentId ? 'client' : 'standard'),
        createdAt: new Date(o.createdAt ?? EPOCH),
        deletedAt: null,
      });
    }
    for (const m of scenario.memberships) {
      this.memberships.set(`${m.orgId}/${m.userId}`, {
        orgId: m.orgId,
        userId: m.userId,
        roles: [...m.roles],
        status: m.status ?? 'active',
        joinedAt: new Date(m.joinedAt ?? EPOCH),
      });
    }
    const now = options.now().getTime();
    for (const i of scenario.invitations ?? []) {
      const createdAt = new Date(i.createdAt ?? now);
      this.invitations.push({
        id: i.id ?? newSortableId('inv', createdAt.getTime()),
        orgId: i.orgId,
        email: i.email.toLowerCase(),
        roles: [...(i.roles ?? ['member'])],
        inviterId: i.inviterId ?? null,
        status: i.status ?? 'pending',
        expiresAt: new Date(i.expiresAt ?? createdAt.getTime() + INVITATION_TTL_MS),
        createdAt,
        token: i.token ?? null,
      });
    }
    for (const e of scenario.auditEvents ?? []) {
      const createdAt = new Date(e.createdAt ?? now);
      this.audit.push({
        id: e.id ?? newSortableId('evt', createdAt.getTime()),
        orgId: e.orgId,
        actorId: e.actorId,
        actorType: e.actorId ? 'user' : 'system',
        action: e.action,
        targetType: e.targetType ?? null,
        targetId: e.targetId ?? null,
        description: e.description,
        before: e.before ?? null,
        after: e.after ?? null,
        createdAt,
      });
    }
    for (const g of scenario.groups ?? []) {
      this.groups.set(g.id, {
        id: g.id,
        orgId: g.orgId,
        name: g.name,
        description: g.description ?? null,
        roles: [...(g.roles ?? [])],
        memberIds: [...g.memberIds],
        createdAt: new Date(EPOCH),
        updatedAt: new Date(EPOCH),
      });
    }
    for (const r of scenario.resources ?? []) {
      this.resources.set(resourceKey(r.orgId, r.type, r.id), {
        orgId: r.orgId,
        type: r.type,
        id: r.id,
        parentId: r.parentId ?? null,
        createdAt: new Date(EPOCH),
      });
    }
    this.grants = (scenario.grants ?? []).map((g) => ({
      orgId: g.orgId,
      resource: { type: g.type, id: g.resourceId },
      principal: g.principal,
      ...(g.actions ? { actions: [...g.actions] } : {}),
      ...(g.role ? { role: g.role } : {}),
    }));
    this.ambient = scenario.signedInAs
      ? { userId: scenario.signedInAs, activeOrgId: scenario.activeOrgId ?? null }
      : null;
    this.membershipPolicy = scenario.membership ?? 'multiple';
    this.selfServe = scenario.selfServe ?? false;
  }

  now(): Date {
    return this.options.now();
  }

  /** Call after changing records that decisions depend on. */
  changed(): void {
    this.cachedModel = undefined;
  }

  /** The core access model over the live records (disabled memberships give no roles). */
  model(): AccessModel<string> {
    this.cachedModel ??= new AccessModel(this.options.catalog, this.options.presets, {
      orgs: [...this.orgs.values()].map((o) => ({ id: o.id, parentId: o.parentId, kind: o.kind })),
      users: [...this.users.values()].map((u) => ({
        id: u.id,
        status: u.status,
        platformAdmin: u.platformAdmin,
      })),
      memberships: [...this.memberships.values()]
        .filter((m) => m.status === 'active')
        .map((m) => ({ orgId: m.orgId, userId: m.userId, roles: m.roles })),
      // Group roles apply to active members only, as on the server.
      groups: [...this.groups.values()].map((g) => ({
        id: g.id,
        orgId: g.orgId,
        name: g.name,
        roles: g.roles,
        memberIds: g.memberIds.filter((id) => this.membership(g.orgId, id)?.status === 'active'),
      })),
      resources: [...this.resources.values()].map((r) => ({
        orgId: r.orgId,
        type: r.type,
        id: r.id,
        parent: r.parentId ? { type: r.type, id: r.parentId } : null,
      })),
      grants: this.grants,
      customRoles: [...this.customRoles.values()].map((r) => r.def),
    });
    return this.cachedModel;
  }

  /** The resource and its ancestors' ids, nearest first (the server's `chain`). */
  chain(orgId: string, type: string, id: string): string[] {
    const out: string[] = [];
    let current: string | null = id;
    while (current !== null && !out.includes(current)) {
      const row = this.resources.get(resourceKey(orgId, type, current));
      if (!row) break;
      out.push(current);
      current = row.parentId;
    }
    return out.length > 0 ? out : [id];
  }

  /** Grants on any resource of the chain, in the order they were made. */
  grantsOn(orgId: string, type: string, ids: readonly string[]): GrantRow[] {
    return this.grants.filter(
      (g) => g.orgId === orgId && g.resource.type === type && ids.includes(g.resource.id),
    );
  }

  liveOrg(orgId: string): OrgRow | undefined {
    const org = this.orgs.get(orgId);
    return org && !org.deletedAt ? org : undefined;
  }

  membership(orgId: string, userId: string): MembershipRow | undefined {
    return this.memberships.get(`${orgId}/${userId}`);
  }

  userByEmail(email: string): UserRow | undefined {
    const wanted = email.toLowerCase();
    for (const u of this.users.values()) if (u.email === wanted) return u;
    return undefined;
  }

  /** The server's `access.resolve`: undefined when the org is unknown or invisible. */
  access(user: UserRow, orgId: string): MockAccess | undefined {
    const org = this.liveOrg(orgId);
    if (!org) return undefined;
    const membership = this.membership(orgId, user.id);
    const permissions = this.model().permissions(user.id, orgId);
    const activeMember = membership?.status === 'active';
    if (!activeMember && !user.platformAdmin && permissions.size === 0) return undefined;
    return { org, member: membership !== undefined, permissions };
  }

  /** Starts a session for a user (signing in is activity); returns its cookie token. */
  startSession(userId: string): string {
    const token = newId('mock_session');
    this.sessions.set(token, { userId, activeOrgId: null });
    const user = this.users.get(userId);
    if (user) user.lastActiveAt = this.now();
    return token;
  }

  /** An authenticated request: last activity moves when older than the server's interval. */
  touchActivity(user: UserRow): void {
    const now = this.now();
    const last = user.lastActiveAt?.getTime();
    if (last === undefined || now.getTime() - last >= ACTIVITY_TOUCH_INTERVAL_MS) {
      user.lastActiveAt = now;
    }
  }

  /** Appends an audit event as the server records one. */
  record(
    actorId: string | null,
    entry: Omit<AuditRow, 'id' | 'createdAt' | 'actorId' | 'actorType' | 'before' | 'after'> & {
      before?: unknown;
      after?: unknown;
    },
  ): void {
    const createdAt = this.now();
    this.audit.push({
      id: newSortableId('evt', createdAt.getTime()),
      actorId,
      actorType: actorId ? 'user' : 'system',
      before: null,
      after: null,
      ...entry,
      createdAt,
    });
  }

  /** Stores a mail in the outbox, as the server's dev mailer does. */
  mail(message: Omit<MailRow, 'id' | 'createdAt'>): void {
    const createdAt = this.now();
    this.outbox.push({ ...message, id: newSortableId('mail', createdAt.getTime()), createdAt });
  }

  /** Issues a single-use password reset link for a user and mails it. */
  sendPasswordReset(user: UserRow): void {
    const token = newId('tok');
    const expiresAt = new Date(this.now().getTime() + 3600 * 1000);
    this.resetTokens.set(token, { userId: user.id, expiresAt });
    const link = `${this.options.appUrl}/reset-password?token=${encodeURIComponent(token)}`;
    this.mail({
      to: user.email,
      subject: 'Reset your password',
      text: `Someone asked to reset the password of this account.\n\nChoose a new password: ${link}\n\nThe link works once and expires on ${expiresAt.toISOString()}. If it was not you, ignore this mail.`,
      html: null,
      meta: { kind: 'password_reset', link },
    });
  }

  /** Mails an invitation link. */
  mailInvitation(invitation: InvitationRow, orgName: string, inviterName: string): void {
    const link = `${this.options.appUrl}/accept-invitation?token=${encodeURIComponent(invitation.token ?? '')}`;
    const who = inviterName || 'Someone';
    this.mail({
      to: invitation.email,
      subject: `${who} invited you to ${orgName}`,
      text: `${who} invited you to join ${orgName}.\n\nAccept the invitation: ${link}\n\nThe link expires on ${invitation.expiresAt.toISOString()}.`,
      html: null,
      meta: { kind: 'invitation', link },
    });
  }

  newOrgId(): string {
    return newId('org');
  }
  newUserId(): string {
    return newId('usr');
  }
  newInvitation(): { id: string; token: string; expiresAt: Date } {
    const now = this.now().getTime();
    return {
      id: newSortableId('inv', now),
      token: newId('tok'),
      expiresAt: new Date(now + INVITATION_TTL_MS),
    };
  }
}

/** Key of a resource row. */
export const resourceKey = (orgId: string, type: string, id: string) =>
  `${orgId}\u0000${type}\u0000${id}`;

/** The server's cursor helper, re-exported for routes. */
export { encodeCursor };
