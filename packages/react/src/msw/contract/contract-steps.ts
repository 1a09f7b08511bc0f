/** One request of the contract script, run as `as` against both backends. */
export interface ContractStep {
  readonly name: string;
  /** Scenario user id, or null for an anonymous request. */
  readonly as: string | null;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path with scenario ids and `{var}` placeholders saved by earlier steps. */
  readonly path: string;
  readonly body?: unknown;
  /** Values to remember from this backend's answer (cursors, created ids). */
  readonly save?: (body: Record<string, unknown>) => Record<string, string>;
  /**
   * Compare lists as sets: the server orders rows written in one statement by random id
   * (grants of one resource, recipients), so only their content is part of the contract.
   */
  readonly unordered?: boolean;
  /** Compare the status only (mail bodies carry each backend's own tokens and dates). */
  readonly statusOnly?: boolean;
}

const items = (b: Record<string, unknown>) => b.items as Record<string, unknown>[];
const O = '/v1/organizations/org_acme';

/** Sign-ins first (each actor's cookie jar), then reads and writes in a fixed order. */
export const contractSteps: readonly ContractStep[] = [
  { name: 'anonymous session', as: null, method: 'GET', path: '/v1/auth/session' },
  { name: 'anonymous me', as: null, method: 'GET', path: '/v1/me' },
  { name: 'anonymous members', as: null, method: 'GET', path: `${O}/members` },
  ...['olivia', 'adam', 'mia', 'vic', 'bill', 'gina'].map(
    (who): ContractStep => ({
      name: `sign in ${who}`,
      as: `usr_${who}`,
      method: 'POST',
      path: '/v1/auth/sign-in',
      body: {
        email: `${who}@${who === 'gina' ? 'globex' : 'acme'}.test`,
        password: `${who}-password`,
      },
    }),
  ),
  {
    name: 'wrong password',
    as: null,
    method: 'POST',
    path: '/v1/auth/sign-in',
    body: { email: 'mia@acme.test', password: 'nope' },
  },
  { name: 'session', as: 'usr_olivia', method: 'GET', path: '/v1/auth/session' },
  { name: 'me', as: 'usr_olivia', method: 'GET', path: '/v1/me' },
  { name: 'my organizations', as: 'usr_olivia', method: 'GET', path: '/v1/me/organizations' },
  {
    name: 'switch org',
    as: 'usr_olivia',
    method: 'PUT',
    path: '/v1/me/active-organization',
    body: { orgId: 'org_acme' },
  },
  {
    name: 'switch to unknown org',
    as: 'usr_olivia',
    method: 'PUT',
    path: '/v1/me/active-organization',
    body: { orgId: 'org_nowhere' },
  },
  {
    name: 'switch to invisible org',
    as: 'usr_gina',
    method: 'PUT',
    path: '/v1/me/active-organization',
    body: { orgId: 'org_acme' },
  },
  { name: 'session after switch', as: 'usr_olivia', method: 'GET', path: '/v1/auth/session' },
  ...['olivia', 'adam', 'mia', 'vic', 'bill', 'gina'].map(
    (who): ContractStep => ({
      name: `permissions of ${who} in acme`,
      as: `usr_${who}`,
      method: 'GET',
      path: '/v1/me/permissions?orgId=org_acme',
    }),
  ),
  {
    name: 'inherited permissions in the client org',
    as: 'usr_olivia',
    method: 'GET',
    path: '/v1/me/permissions?orgId=org_acme_eu',
  },
  {
    name: 'no permissions in a client org for a member',
    as: 'usr_mia',
    method: 'GET',
    path: '/v1/me/permissions?orgId=org_acme_eu',
  },
  { name: 'read org', as: 'usr_vic', method: 'GET', path: O },
  { name: 'read invisible org', as: 'usr_gina', method: 'GET', path: O },
  {
    name: 'rename org forbidden',
    as: 'usr_mia',
    method: 'PATCH',
    path: O,
    body: { name: 'Mia Co' },
  },
  { name: 'rename org', as: 'usr_adam', method: 'PATCH', path: O, body: { name: 'Acme Corp' } },
  { name: 'children', as: 'usr_olivia', method: 'GET', path: `${O}/children` },
  { name: 'children forbidden', as: 'usr_mia', method: 'GET', path: `${O}/children` },
  {
    name: 'members page 1',
    as: 'usr_vic',
    method: 'GET',
    path: `${O}/members?limit=2`,
    save: (b) => ({ cursor: String(b.nextCursor) }),
  },
  {
    name: 'members page 2',
    as: 'usr_vic',
    method: 'GET',
    path: `${O}/members?limit=2&cursor={cursor}`,
  },
  {
    name: 'members by email desc',
    as: 'usr_vic',
    method: 'GET',
    path: `${O}/members?sort=email&order=desc`,
  },
  {
    // Sign-ins a few milliseconds apart may tie, and ties fall to random ids on the server.
    name: 'members by last activity',
    as: 'usr_vic',
    method: 'GET',
    path: `${O}/members?sort=lastActive&order=desc`,
    unordered: true,
  },
  { name: 'members search', as: 'usr_vic', method: 'GET', path: `${O}/members?search=vie` },
  {
    name: 'members by role',
    as: 'usr_vic',
    method: 'GET',
    path: `${O}/members?role=billing_contact`,
  },
  { name: 'members forbidden', as: 'usr_bill', method: 'GET', path: `${O}/members` },
  { name: 'one member', as: 'usr_vic', method: 'GET', path: `${O}/members/usr_mia` },
  { name: 'unknown member', as: 'usr_vic', method: 'GET', path: `${O}/members/usr_nobody` },
  {
    name: 'promote mia',
    as: 'usr_olivia',
    method: 'PATCH',
    path: `${O}/members/usr_mia`,
    body: { roles: ['admin', 'billing_contact'] },
  },
  {
    name: 'viewer cannot disable',
    as: 'usr_vic',
    method: 'PATCH',
    path: `${O}/members/usr_bill`,
    body: { status: 'disabled' },
  },
  {
    name: 'owner cannot be demoted',
    as: 'usr_adam',
    method: 'PATCH',
    path: `${O}/members/usr_olivia`,
    body: { roles: ['member'] },
  },
  {
    name: 'owner role needs a transfer',
    as: 'usr_olivia',
    method: 'PATCH',
    path: `${O}/members/usr_vic`,
    body: { roles: ['owner'] },
  },
  {
    name: 'unknown role',
    as: 'usr_olivia',
    method: 'PATCH',
    path: `${O}/members/usr_vic`,
    body: { roles: ['emperor'] },
  },
  {
    name: 'owner cannot be disabled',
    as: 'usr_adam',
    method: 'PATCH',
    path: `${O}/members/usr_olivia`,
    body: { status: 'disabled' },
  },
  {
    name: 'disable bill',
    as: 'usr_adam',
    method: 'PATCH',
    path: `${O}/members/usr_bill`,
    body: { status: 'disabled' },
  },
  { name: 'disabled members', as: 'usr_adam', method: 'GET', path: `${O}/members?status=disabled` },
  {
    name: 'disabled member sees nothing',
    as: 'usr_bill',
    method: 'GET',
    path: '/v1/me/permissions?orgId=org_acme',
  },
  {
    name: 'create member',
    as: 'usr_olivia',
    method: 'POST',
    path: `${O}/members`,
    body: { email: 'zed@acme.test', name: 'Zed Zero', password: 'zed-password', roles: ['viewer'] },
  },
  {
    name: 'create member twice',
    as: 'usr_olivia',
    method: 'POST',
    path: `${O}/members`,
    body: { email: 'zed@acme.test', name: 'Zed Again', roles: [] },
  },
  {
    name: 'create member forbidden',
    as: 'usr_vic',
    method: 'POST',
    path: `${O}/members`,
    body: { email: 'x@acme.test', name: 'X', roles: [] },
  },
  {
    name: 'invite',
    as: 'usr_adam',
    method: 'POST',
    path: `${O}/invitations`,
    body: { emails: 'new@acme.test, MIA@acme.test\nbad-address', roles: ['viewer'] },
    save: (b) => ({
      inv: String(
        ((b.results as Record<string, unknown>[])[0]!.invitation as Record<string, unknown>).id,
      ),
    }),
  },
  {
    name: 'invite an owner',
    as: 'usr_adam',
    method: 'POST',
    path: `${O}/invitations`,
    body: { emails: ['x@acme.test'], roles: ['owner'] },
  },
  {
    name: 'invite forbidden',
    as: 'usr_mia',
    method: 'POST',
    path: '/v1/organizations/org_globex/invitations',
    body: { emails: ['x@acme.test'] },
  },
  { name: 'invitations', as: 'usr_adam', method: 'GET', path: `${O}/invitations` },
  { name: 'resend', as: 'usr_adam', method: 'POST', path: `${O}/invitations/{inv}/resend` },
  { name: 'revoke', as: 'usr_adam', method: 'DELETE', path: `${O}/invitations/{inv}` },
  { name: 'revoke twice', as: 'usr_adam', method: 'DELETE', path: `${O}/invitations/{inv}` },
  {
    name: 'revoked invitations',
    as: 'usr_adam',
    method: 'GET',
    path: `${O}/invitations?status=revoked`,
  },
  {
    name: 'password reset',
    as: 'usr_adam',
    method: 'POST',
    path: `${O}/members/usr_vic/password-reset`,
  },
  { name: 'remove vic', as: 'usr_adam', method: 'DELETE', path: `${O}/members/usr_vic` },
  { name: 'removed member', as: 'usr_adam', method: 'GET', path: `${O}/members/usr_vic` },
  { name: 'removed member sees nothing', as: 'usr_vic', method: 'GET', path: O },
  {
    name: 'owner cannot be removed',
    as: 'usr_adam',
    method: 'DELETE',
    path: `${O}/members/usr_olivia`,
  },
  {
    name: 'only the owner transfers',
    as: 'usr_adam',
    method: 'POST',
    path: `${O}/owner/transfer`,
    body: { userId: 'usr_adam' },
  },
  {
    name: 'transfer',
    as: 'usr_olivia',
    method: 'POST',
    path: `${O}/owner/transfer`,
    body: { userId: 'usr_adam' },
  },
  {
    name: 'former owner cannot transfer',
    as: 'usr_olivia',
    method: 'POST',
    path: `${O}/owner/transfer`,
    body: { userId: 'usr_mia' },
  },
  {
    name: 'my organizations after transfer',
    as: 'usr_olivia',
    method: 'GET',
    path: '/v1/me/organizations',
  },
  {
    name: 'top-level org needs a platform admin',
    as: 'usr_olivia',
    method: 'POST',
    path: '/v1/organizations',
    body: { name: 'Olivia Inc' },
  },
  {
    name: 'create client org',
    as: 'usr_olivia',
    method: 'POST',
    path: '/v1/organizations',
    body: { name: 'Acme Asia', slug: 'acme-asia', parentId: 'org_acme' },
  },
  {
    name: 'slug taken',
    as: 'usr_olivia',
    method: 'POST',
    path: '/v1/organizations',
    body: { name: 'Acme Asia 2', slug: 'acme-asia', parentId: 'org_acme' },
  },
  { name: 'cannot delete a parent', as: 'usr_adam', method: 'DELETE', path: O },
  { name: 'children after create', as: 'usr_adam', method: 'GET', path: `${O}/children` },
  {
    name: 'audit log page 1',
    as: 'usr_adam',
    method: 'GET',
    path: `${O}/audit-events?limit=6`,
    save: (b) => ({ audit: String(b.nextCursor) }),
  },
  {
    name: 'audit log page 2',
    as: 'usr_adam',
    method: 'GET',
    path: `${O}/audit-events?limit=50&cursor={audit}`,
  },
  {
    name: 'audit log filtered',
    as: 'usr_adam',
    method: 'GET',
    path: `${O}/audit-events?action=invitation`,
  },
  { name: 'audit log forbidden', as: 'usr_mia', method: 'GET', path: `${O}/audit-events` },
  { name: 'own audit log', as: 'usr_vic', method: 'GET', path: '/v1/users/usr_vic/audit-events' },
  {
    name: 'someone else’s audit log',
    as: 'usr_mia',
    method: 'GET',
    path: '/v1/users/usr_vic/audit-events',
  },
  { name: 'sign out', as: 'usr_mia', method: 'POST', path: '/v1/auth/sign-out' },
  { name: 'signed out', as: 'usr_mia', method: 'GET', path: '/v1/me' },
];

export { items };
