import pino from 'pino';
import type { Logger } from './log.js';

export { silentLogger } from './log.js';

/** The default logger of the Node entry: JSON lines on stdout, `LOG_LEVEL` or `info`. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): pino.Logger & Logger {
  return pino({
    level,
    base: { service: 'orgkit' },
    redact: ['req.headers.cookie', 'req.headers.authorization'],
  });
}
