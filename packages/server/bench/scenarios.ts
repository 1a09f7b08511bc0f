/** The measured requests: ours and better-auth's, for the bench actors. */
import { ACL_TYPE, checkBatch } from './catalog.js';
import { BIG, benchApiKey, DEEPEST, ids, peerSessionToken } from './config.js';
import type { LoadRequest } from './load.js';

const json = { 'content-type': 'application/json' };
const ours = (actor: string) => ({ authorization: `Bearer ${benchApiKey(actor).token}` });
const peer = (actor: string) => ({ authorization: `Bearer ${peerSessionToken(actor)}` });

/** Documents of the deepest org checked in the batch: some under the deep user's grant, some not. */
export const CHECKED_DOCUMENTS = [1, 9, 10, 73, 74, 2, 17, 20, 3, 585].map(
  (j) => `doc_${DEEPEST}_${j}`,
);

/** The batch of 50 checks (10 on documents) and its 40 plain permissions. */
export const batch = checkBatch(CHECKED_DOCUMENTS);
export const plainPermissions = batch.filter((c) => !c.resource).map((c) => c.permission);

/** Search terms of the member-list pages (prefixes of e-mails, names and words of names). */
export const SEARCHES = ['mar', 'li', 'no', 'ros', 'kim', 'an', 'tan', 'ol'];

export const oursRequests = {
  mePermissions: (): LoadRequest[] => [
    { method: 'GET', path: `/v1/me/permissions?orgId=${ids.org(DEEPEST)}`, headers: ours('deep') },
  ],
  accessCheck: (checks: readonly unknown[]): LoadRequest[] => [
    {
      method: 'POST',
      path: `/v1/organizations/${ids.org(DEEPEST)}/access/check`,
      headers: { ...ours('deep'), ...json },
      body: JSON.stringify({ checks }),
    },
  ],
  /** Page 2 of each search (the cursor from page 1), or of the unfiltered list. */
  membersPages: (pages: readonly { search?: string; cursor: string }[]): LoadRequest[] =>
    pages.map((p) => ({
      method: 'GET',
      path: `/v1/organizations/${ids.org(BIG)}/members?limit=50${p.search ? `&search=${p.search}` : ''}&cursor=${encodeURIComponent(p.cursor)}`,
      headers: ours('owner'),
    })),
};

export const peerRequests = {
  /** better-auth answers one boolean for the whole set (every permission must hold). */
  hasPermission: (): LoadRequest[] => {
    const permissions: Record<string, string[]> = {};
    for (const p of plainPermissions) {
      const [r, a] = p.split(':') as [string, string];
      permissions[r] = [...(permissions[r] ?? []), a];
    }
    return [
      {
        method: 'POST',
        path: '/api/auth/organization/has-permission',
        headers: { ...peer('deep'), ...json },
        body: JSON.stringify({ organizationId: ids.org(DEEPEST), permissions }),
      },
    ];
  },
  /** Page 2 by offset: its list has no search and no keyset cursor. */
  listMembers: (): LoadRequest[] => [
    {
      method: 'GET',
      path: `/api/auth/organization/list-members?organizationId=${ids.org(BIG)}&limit=50&offset=50`,
      headers: peer('owner'),
    },
  ],
};

/** Fetches page 1 of each search to get the page-2 cursors. */
export async function memberCursors(base: string, searches: readonly (string | undefined)[]) {
  const pages: { search?: string; cursor: string }[] = [];
  for (const search of searches) {
    const res = await fetch(
      `${base}/v1/organizations/${ids.org(BIG)}/members?limit=50${search ? `&search=${search}` : ''}`,
      { headers: ours('owner') },
    );
    const body = (await res.json()) as { nextCursor: string | null; items: unknown[] };
    if (!res.ok || !body.nextCursor) throw new Error(`no second page for search ${search}`);
    pages.push({ ...(search ? { search } : {}), cursor: body.nextCursor });
  }
  return pages;
}

export { ACL_TYPE };
