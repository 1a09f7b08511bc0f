import type { ContractStep } from './contract-steps.js';

const O = '/v1/organizations/org_acme';
const tokenOf = (b: Record<string, unknown>) => {
  const items = b.items as { text: string }[];
  return /token=([^\s&]+)/.exec(items[0]?.text ?? '')?.[1] ?? 'none';
};

/**
 * Sign-up, password reset and invitations accepted through their e-mailed links. The server's
 * per-address limit on auth POSTs (20 a minute) bounds how many such steps fit in this script.
 */
export const accountSteps: readonly ContractStep[] = [
  {
    name: 'sign in the platform admin (the only reader of the dev outbox)',
    as: 'usr_pat',
    method: 'POST',
    path: '/v1/auth/sign-in',
    body: { email: 'pat@platform.test', password: 'pat-password' },
  },
  {
    name: 'the outbox is closed to anyone else',
    as: null,
    method: 'GET',
    path: '/dev/outbox?to=mia@acme.test',
  },
  {
    name: 'sign in olivia',
    as: 'usr_olivia',
    method: 'POST',
    path: '/v1/auth/sign-in',
    body: { email: 'olivia@acme.test', password: 'olivia-password' },
  },
  {
    name: 'sign in invalid',
    as: null,
    method: 'POST',
    path: '/v1/auth/sign-in',
    body: { email: 'not an address', password: '' },
  },
  {
    name: 'sign up',
    as: 'new',
    method: 'POST',
    path: '/v1/auth/sign-up',
    body: { email: 'Nina@New.test', password: 'nina-password', name: 'Nina New' },
  },
  {
    name: 'sign up twice',
    as: null,
    method: 'POST',
    path: '/v1/auth/sign-up',
    body: { email: 'nina@new.test', password: 'nina-password', name: 'Nina' },
  },
  {
    name: 'sign up invalid',
    as: null,
    method: 'POST',
    path: '/v1/auth/sign-up',
    body: { email: 'nope', password: 'short', name: '' },
  },
  { name: 'signed up session', as: 'new', method: 'GET', path: '/v1/auth/session' },
  {
    name: 'invite nina and a stranger',
    as: 'usr_olivia',
    method: 'POST',
    path: `${O}/invitations`,
    body: { emails: ['nina@new.test', 'sam@new.test'], roles: ['viewer'] },
  },
  {
    name: 'nina’s mail',
    as: 'usr_pat',
    method: 'GET',
    path: '/dev/outbox?to=nina@new.test',
    statusOnly: true,
    save: (b) => ({ nina: tokenOf(b) }),
  },
  {
    name: 'sam’s mail',
    as: 'usr_pat',
    method: 'GET',
    path: '/dev/outbox?to=sam@new.test',
    statusOnly: true,
    save: (b) => ({ sam: tokenOf(b) }),
  },
  {
    name: 'invite rex',
    as: 'usr_olivia',
    method: 'POST',
    path: `${O}/invitations`,
    body: { emails: ['rex@new.test'], roles: ['viewer'] },
    save: (b) => {
      const [first] = b.results as { invitation?: { id: string } }[];
      return { rexInvitation: first?.invitation?.id ?? 'none' };
    },
  },
  {
    name: 'rex’s mail',
    as: 'usr_pat',
    method: 'GET',
    path: '/dev/outbox?to=rex@new.test',
    statusOnly: true,
    save: (b) => ({ rex: tokenOf(b) }),
  },
  {
    name: 'revoke rex’s invitation',
    as: 'usr_olivia',
    method: 'DELETE',
    path: `${O}/invitations/{rexInvitation}`,
  },
  {
    name: 'look up a revoked invitation',
    as: null,
    method: 'GET',
    path: '/v1/invitations/lookup?token={rex}',
  },
  {
    name: 'look up nina’s invitation',
    as: null,
    method: 'GET',
    path: '/v1/invitations/lookup?token={nina}',
  },
  {
    name: 'look up a bad token',
    as: null,
    method: 'GET',
    path: '/v1/invitations/lookup?token=not-a-real-token',
  },
  {
    name: 'accept as someone else',
    as: 'usr_olivia',
    method: 'POST',
    path: '/v1/invitations/accept',
    body: { token: '{nina}' },
  },
  {
    name: 'accept without the password',
    as: null,
    method: 'POST',
    path: '/v1/invitations/accept',
    body: { token: '{nina}' },
  },
  {
    name: 'accept as the signed-in invitee',
    as: 'new',
    method: 'POST',
    path: '/v1/invitations/accept',
    body: { token: '{nina}' },
  },
  {
    name: 'accept twice',
    as: 'new',
    method: 'POST',
    path: '/v1/invitations/accept',
    body: { token: '{nina}' },
  },
  {
    name: 'new account without a name',
    as: 'sam',
    method: 'POST',
    path: '/v1/invitations/accept',
    body: { token: '{sam}', password: 'sam-password' },
  },
  {
    name: 'new account through the invitation',
    as: 'sam',
    method: 'POST',
    path: '/v1/invitations/accept',
    body: { token: '{sam}', name: 'Sam New', password: 'sam-password' },
  },
  { name: 'sam’s organizations', as: 'sam', method: 'GET', path: '/v1/me/organizations' },
  {
    name: 'members after accepting',
    as: 'usr_olivia',
    method: 'GET',
    path: `${O}/members?role=viewer`,
  },
  {
    name: 'request a reset',
    as: null,
    method: 'POST',
    path: '/v1/auth/password-reset',
    body: { email: 'mia@acme.test' },
  },
  {
    name: 'request a reset for nobody',
    as: null,
    method: 'POST',
    path: '/v1/auth/password-reset',
    body: { email: 'ghost@acme.test' },
  },
  {
    name: 'reset mail',
    as: 'usr_pat',
    method: 'GET',
    path: '/dev/outbox?to=mia@acme.test',
    statusOnly: true,
    save: (b) => ({ reset: tokenOf(b) }),
  },
  {
    name: 'confirm with a bad token',
    as: null,
    method: 'POST',
    path: '/v1/auth/password-reset/confirm',
    body: { token: 'not-a-real-token', password: 'mia-new-password' },
  },
  {
    name: 'confirm the reset',
    as: null,
    method: 'POST',
    path: '/v1/auth/password-reset/confirm',
    body: { token: '{reset}', password: 'mia-new-password' },
  },
  {
    name: 'confirm it again',
    as: null,
    method: 'POST',
    path: '/v1/auth/password-reset/confirm',
    body: { token: '{reset}', password: 'mia-other-password' },
  },
  {
    name: 'old password refused',
    as: 'usr_mia',
    method: 'POST',
    path: '/v1/auth/sign-in',
    body: { email: 'mia@acme.test', password: 'mia-password' },
  },
  {
    name: 'new password works',
    as: 'usr_mia',
    method: 'POST',
    path: '/v1/auth/sign-in',
    body: { email: 'mia@acme.test', password: 'mia-new-password' },
  },
  {
    name: 'create an invited member',
    as: 'usr_olivia',
    method: 'POST',
    path: `${O}/members`,
    body: { email: 'ivy@acme.test', name: 'Ivy Invited', roles: ['member'] },
  },
  {
    name: 'ivy’s activation mail',
    as: 'usr_pat',
    method: 'GET',
    path: '/dev/outbox?to=ivy@acme.test',
    statusOnly: true,
    save: (b) => ({ ivy: tokenOf(b) }),
  },
  {
    name: 'ivy activates',
    as: null,
    method: 'POST',
    path: '/v1/auth/password-reset/confirm',
    body: { token: '{ivy}', password: 'ivy-password' },
  },
  { name: 'ivy is active', as: 'usr_olivia', method: 'GET', path: `${O}/members?search=ivy` },
  { name: 'audit log', as: 'usr_olivia', method: 'GET', path: `${O}/audit-events?limit=200` },
];
