import type { ResourceRef } from '@orgkit/core';
import { type OrgkitClient, OrgkitError, unwrap } from '@orgkit/sdk';

/** Most checks the server takes in one request. */
const MAX_BATCH = 100;

interface Waiter {
  readonly permission: string;
  readonly resource: ResourceRef;
  resolve(allowed: boolean): void;
  reject(error: unknown): void;
}

/** Collects resource checks made in the same tick and sends them as one batch per org. */
export interface AccessBatcher {
  check(orgId: string, permission: string, resource: ResourceRef): Promise<boolean>;
}

const batchers = new WeakMap<OrgkitClient, AccessBatcher>();

/**
 * The batcher of a client: every resource check asked in the same tick for one organization
 * goes out as one `POST /v1/organizations/{orgId}/access/check` (chunks of 100).
 */
export function accessBatcher(client: OrgkitClient): AccessBatcher {
  let batcher = batchers.get(client);
  if (!batcher) {
    batcher = createAccessBatcher(client);
    batchers.set(client, batcher);
  }
  return batcher;
}

function createAccessBatcher(client: OrgkitClient): AccessBatcher {
  const queued = new Map<string, Waiter[]>();

  async function send(orgId: string, waiters: Waiter[]): Promise<void> {
    try {
      const { results } = await unwrap(
        client.POST('/v1/organizations/{orgId}/access/check', {
          params: { path: { orgId } },
          body: {
            checks: waiters.map((w) => ({
              permission: w.permission,
              resource: { type: w.resource.type, id: w.resource.id },
            })),
          },
        }),
      );
      waiters.forEach((w, i) => {
        const result = results[i];
        if (result) w.resolve(result.allowed);
        else w.reject(OrgkitError.network(new Error('The access check answered too few results.')));
      });
    } catch (error) {
      for (const w of waiters) w.reject(error);
    }
  }

  function flush(orgId: string): void {
    const waiters = queued.get(orgId) ?? [];
    queued.delete(orgId);
    for (let i = 0; i < waiters.length; i += MAX_BATCH) {
      void send(orgId, waiters.slice(i, i + MAX_BATCH));
    }
  }

  return {
    check(orgId, permission, resource) {
      return new Promise<boolean>((resolve, reject) => {
        let waiters = queued.get(orgId);
        if (!waiters) {
          waiters = [];
          queued.set(orgId, waiters);
          // Checks made by components rendered in the same commit land in one request.
          setTimeout(() => flush(orgId), 0);
        }
        waiters.push({ permission, resource, resolve, reject });
      });
    },
  };
}
