import type { PermissionSet } from '@orgkit/core';

/** A resource instance a check is about, e.g. `{ type: 'projects', id: 'zeus' }`. */
export interface GuardResource {
  readonly type: string;
  readonly id: string;
}

/** What a host route needs: permissions in an org, optionally on one resource. */
export interface GuardRequirement<P extends string> {
  /** One permission, or several that are all needed. */
  readonly permission: P | readonly P[];
  /** The org the request acts in. */
  readonly org: string;
  /**
   * The resource acted on: the permissions of its type (`projects:*` for a project) then also
   * follow its ACL and its parents'; permissions of other types stay org-wide.
   */
  readonly resource?: GuardResource;
}

/** How the caller proved who they are. */
export type GuardMethod = 'session' | 'api_key' | 'jwt';

/** The authenticated user behind a request. */
export interface GuardUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
}

/** An RFC 9457 problem document, as Orgkit's own routes answer them. */
export interface GuardProblem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly instance: string;
  readonly [extension: string]: unknown;
}

/** The caller of an allowed request, with their compiled permissions in the org. */
export interface GuardCaller<P extends string> {
  readonly user: GuardUser;
  readonly method: GuardMethod;
  readonly orgId: string;
  /** The same compiled set `/v1/me/permissions` answers (API key scopes applied). */
  readonly permissions: PermissionSet<P>;
  /** Org-wide check on the compiled set: no database round trip. */
  has(permission: P): boolean;
  /** Check on a resource instance: its ACL facts are loaded in one query. */
  can(permission: P, resource: GuardResource): Promise<boolean>;
}

/** Response headers a host must pass on, allowed or not (a rotated session cookie). */
interface WithHeaders {
  /** `Set-Cookie` and friends from authentication: forward them to the browser. */
  readonly headers: Headers;
}

/** The guard let the request through. */
export interface GuardAllowed<P extends string> extends WithHeaders {
  readonly ok: true;
  readonly caller: GuardCaller<P>;
}

/** The guard refused the request: answer with {@link GuardDenied.response}. */
export interface GuardDenied extends WithHeaders {
  readonly ok: false;
  /** 401 (no or bad credentials), 403 (permission or CSRF), 404 (unknown or invisible org). */
  readonly status: number;
  readonly problem: GuardProblem;
  /** The problem as an `application/problem+json` response, headers included. */
  readonly response: Response;
}

/** The answer of {@link OrgkitGuard.check}. */
export type GuardDecision<P extends string> = GuardAllowed<P> | GuardDenied;

/** The answer of {@link OrgkitGuard.identify}: who is calling, before any org is involved. */
export type GuardIdentity =
  | (WithHeaders & {
      readonly ok: true;
      readonly user: GuardUser | null;
      readonly method: GuardMethod | null;
    })
  | GuardDenied;
