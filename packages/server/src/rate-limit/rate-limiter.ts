import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { sha256 } from '../lib/tokens.js';

/** A budget: `points` requests per `durationSeconds` window. */
export interface RateLimitRule {
  readonly points: number;
  readonly durationSeconds: number;
}

/** Rate limit settings of the app. */
export interface RateLimitOptions {
  /** Off switch (default on). */
  readonly enabled?: boolean;
  /** Per client IP on sign-in, sign-up, password reset and invitation acceptance. */
  readonly auth?: RateLimitRule;
  /** Per API key on every route. */
  readonly apiKey?: RateLimitRule;
  /** Per account (e-mail address) on sign-in, whatever address the attempts come from. */
  readonly login?: LoginRule;
  /**
   * Share limits between instances through Redis (`REDIS_URL`). Without it each instance counts
   * in memory. A Redis outage falls back to the memory store rather than failing requests.
   */
  readonly redisUrl?: string;
  /** Or an existing ioredis client (the app does not close it). */
  readonly redis?: Redis;
  /** Key prefix in Redis, to share one Redis between deployments. */
  readonly keyPrefix?: string;
  /** Called on Redis connection errors (the limits keep working from memory meanwhile). */
  readonly onRedisError?: (error: Error) => void;
}

/**
 * Failed sign-ins allowed per account and window; then the account is locked for `lockSeconds`,
 * doubling with each lock-out within a day, up to `maxLockSeconds`.
 */
export interface LoginRule {
  readonly failures: number;
  readonly windowSeconds: number;
  readonly lockSeconds: number;
  readonly maxLockSeconds: number;
}

/** Sign-in attempts per account. */
export interface LoginLimiter {
  /** Seconds until the account may try again; 0 when it may now. */
  lockedFor(account: string): Promise<number>;
  /** Counts a failed attempt; returns the lock in seconds it started, or 0. */
  failed(account: string): Promise<number>;
  /** A successful sign-in clears the failures (not the lock-out history). */
  succeeded(account: string): Promise<void>;
}

/** The outcome of taking one point. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the window resets. */
  readonly resetSeconds: number;
  readonly windowSeconds: number;
}

/** A named budget backed by memory or Redis. */
export interface Limiter {
  consume(key: string): Promise<RateLimitDecision>;
}

/** The app's limiters and how to release their resources. */
export interface RateLimiters {
  readonly auth: Limiter | undefined;
  readonly apiKey: Limiter | undefined;
  readonly login: LoginLimiter | undefined;
  readonly store: 'memory' | 'redis';
  /** Resolves once the shared store is connected (at once for memory); until then limits are per instance. */
  ready(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export const DEFAULT_AUTH_RULE: RateLimitRule = { points: 20, durationSeconds: 60 };
export const DEFAULT_API_KEY_RULE: RateLimitRule = { points: 600, durationSeconds: 60 };
export const DEFAULT_LOGIN_RULE: LoginRule = {
  failures: 10,
  windowSeconds: 15 * 60,
  lockSeconds: 60,
  maxLockSeconds: 3600,
};

function store(
  name: string,
  points: number,
  duration: number,
  redis: Redis | undefined,
  prefix: string,
): RateLimiterAbstract {
  const base = { points, duration, keyPrefix: `${prefix}:${name}` };
  const memory = new RateLimiterMemory(base);
  return redis
    ? new RateLimiterRedis({
        ...base,
        storeClient: redis,
        insuranceLimiter: memory,
        rejectIfRedisNotReady: true,
      })
    : memory;
}

function loginLimiter(rule: LoginRule, redis: Redis | undefined, prefix: string): LoginLimiter {
  const failures = store('login', rule.failures, rule.windowSeconds, redis, prefix);
  const lockouts = store('login-locks', 1_000_000, 24 * 3600, redis, prefix);
  // Keys are hashes: the store never holds e-mail addresses.
  const key = async (account: string) => (await sha256(account)).slice(0, 32);
  const locked = (res: RateLimiterRes | null) =>
    res && res.consumedPoints > rule.failures ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;
  return {
    async lockedFor(account) {
      return locked(await failures.get(await key(account)));
    },
    async failed(account) {
      const k = await key(account);
      try {
        await failures.consume(k, 1);
        return 0;
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        const count = (await lockouts.consume(k, 1)).consumedPoints;
        const seconds = Math.min(rule.lockSeconds * 2 ** (count - 1), rule.maxLockSeconds);
        await failures.block(k, seconds);
        return seconds;
      }
    },
    async succeeded(account) {
      await failures.delete(await key(account));
    },
  };
}

function limiter(
  name: string,
  rule: RateLimitRule,
  redis: Redis | undefined,
  prefix: string,
): Limiter {
  const budget = store(name, rule.points, rule.durationSeconds, redis, prefix);
  const decision = (res: RateLimiterRes, allowed: boolean): RateLimitDecision => ({
    allowed,
    limit: rule.points,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    windowSeconds: rule.durationSeconds,
  });
  return {
    async consume(key) {
      try {
        return decision(await budget.consume(key, 1), true);
      } catch (error) {
        if (error instanceof RateLimiterRes) return decision(error, false);
        throw error;
      }
    },
  };
}

/**
 * Builds the auth and API-key limiters from options. `connectRedis` (the Node entry's ioredis)
 * is called only when `redisUrl` is set.
 */
export function createRateLimiters(
  options: RateLimitOptions = {},
  connectRedis?: (url: string) => Redis,
): RateLimiters {
  if (options.enabled === false) {
    return {
      auth: undefined,
      apiKey: undefined,
      login: undefined,
      store: 'memory',
      ready: async () => true,
      close: async () => {},
    };
  }
  if (!options.redis && options.redisUrl && !connectRedis) {
    throw new Error(
      'rateLimits.redisUrl needs the Node entry of @orgkit/server, or pass rateLimits.redis.',
    );
  }
  const owned =
    !options.redis && options.redisUrl && connectRedis ? connectRedis(options.redisUrl) : undefined;
  // Connection errors are expected during outages: the memory insurance limiter takes over.
  owned?.on('error', (error: Error) => options.onRedisError?.(error));
  const redis = options.redis ?? owned;
  const prefix = options.keyPrefix ?? 'orgkit:rl';
  return {
    auth: limiter('auth', options.auth ?? DEFAULT_AUTH_RULE, redis, prefix),
    apiKey: limiter('key', options.apiKey ?? DEFAULT_API_KEY_RULE, redis, prefix),
    login: loginLimiter(options.login ?? DEFAULT_LOGIN_RULE, redis, prefix),
    store: redis ? 'redis' : 'memory',
    async ready(timeoutMs = 5000) {
      if (!redis || redis.status === 'ready') return true;
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        redis.once('ready', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
    async close() {
      if (owned) await owned.quit().catch(() => owned.disconnect());
    },
  };
}
