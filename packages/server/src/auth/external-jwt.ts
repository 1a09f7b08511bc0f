import { createLocalJWKSet, createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import type { ExternalJwtOptions } from '../options.js';

/** The identity a verified host JWT carries. */
export interface ExternalIdentity {
  /** `issuer|subject`, stable across e-mail changes. */
  readonly subject: string;
  readonly email: string;
  readonly name: string;
}

/** Verifies host JWTs against a JWKS; resolves undefined for any invalid token. */
export type ExternalJwtVerifier = (token: string) => Promise<ExternalIdentity | undefined>;

/** Builds a verifier for the host's JWTs (remote JWKS are fetched and cached by jose). */
export function createExternalJwtVerifier(options: ExternalJwtOptions): ExternalJwtVerifier {
  const keys =
    typeof options.jwks === 'string' || options.jwks instanceof URL
      ? createRemoteJWKSet(new URL(options.jwks))
      : createLocalJWKSet(options.jwks);
  const emailClaim = options.emailClaim ?? 'email';
  const nameClaim = options.nameClaim ?? 'name';
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        ...(options.issuer ? { issuer: options.issuer } : {}),
        ...(options.audience ? { audience: options.audience } : {}),
      }));
    } catch {
      return undefined;
    }
    const email = payload[emailClaim];
    if (!payload.sub || typeof email !== 'string') return undefined;
    const name = payload[nameClaim];
    return {
      subject: `${payload.iss ?? ''}|${payload.sub}`,
      email: email.trim().toLowerCase(),
      name: typeof name === 'string' ? name : '',
    };
  };
}
