import { Redis } from 'ioredis';

/** The client for `rateLimits.redisUrl` (Node entry): fails fast so memory limits take over. */
export function connectRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
}
