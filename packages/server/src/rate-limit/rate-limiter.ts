import { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';

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
  readonly store: 'memory' | 'redis';
  /** Resolves once the shared store is connected (at once for memory); until then limits are per instance. */
  ready(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export const DEFAULT_AUTH_RULE: RateLimitRule = { points: 20, durationSeconds: 60 };
export const DEFAULT_API_KEY_RULE: RateLimitRule = { points: 600, durationSeconds: 60 };

function limiter(
  name: string,
  rule: RateLimitRule,
  redis: Redis | undefined,
  prefix: string,
): Limiter {
  const base = {
    points: rule.points,
    duration: rule.durationSeconds,
    keyPrefix: `${prefix}:${name}`,
  };
  const memory = new RateLimiterMemory(base);
  const store: RateLimiterAbstract = redis
    ? new RateLimiterRedis({
        ...base,
        storeClient: redis,
        insuranceLimiter: memory,
        rejectIfRedisNotReady: true,
      })
    : memory;
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
        return decision(await store.consume(key, 1), true);
      } catch (error) {
        if (error instanceof RateLimiterRes) return decision(error, false);
        throw error;
      }
    },
  };
}

/** Builds the auth and API-key limiters from options. */
export function createRateLimiters(options: RateLimitOptions = {}): RateLimiters {
  if (options.enabled === false) {
    return {
      auth: undefined,
      apiKey: undefined,
      store: 'memory',
      ready: async () => true,
      close: async () => {},
    };
  }
  const owned =
    !options.redis && options.redisUrl
      ? new Redis(options.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
      : undefined;
  // Connection errors are expected during outages: the memory insurance limiter takes over.
  owned?.on('error', (error: Error) => options.onRedisError?.(error));
  const redis = options.redis ?? owned;
  const prefix = options.keyPrefix ?? 'orgkit:rl';
  return {
    auth: limiter('auth', options.auth ?? DEFAULT_AUTH_RULE, redis, prefix),
    apiKey: limiter('key', options.apiKey ?? DEFAULT_API_KEY_RULE, redis, prefix),
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
