import { execSync } from 'node:child_process';
import { Redis } from 'ioredis';

/** The Redis the rate-limit suites share: `REDIS_URL`, else the local server. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function ping(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * Makes sure Redis answers, starting the local server when it is down (the command the machine
 * image uses). Throws a clear error when it still is not reachable: never skips silently.
 */
export async function ensureRedis(url = TEST_REDIS_URL): Promise<void> {
  if (await ping(url)) return;
  try {
    execSync(
      'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /tmp --logfile /tmp/orgkit-redis.log',
      { stdio: 'ignore' },
    );
  } catch {
    // fall through to the loud failure
  }
  for (let i = 0; i < 20 && !(await ping(url)); i++) await new Promise((r) => setTimeout(r, 250));
  if (!(await ping(url))) {
    throw new Error(
      `Redis is not reachable at ${url} and could not be started: the shared rate-limit test cannot run.`,
    );
  }
}
