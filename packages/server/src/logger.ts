import pino, { type Logger } from 'pino';

/** The default logger: JSON lines on stdout, `LOG_LEVEL` or `info`. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service: 'orgkit' },
    redact: ['req.headers.cookie', 'req.headers.authorization'],
  });
}

/** A logger that drops everything. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
