/** One log method: structured fields, then an optional message (pino's shape). */
export interface LogFn {
  (fields: object, message?: string): void;
  (message: string): void;
}

/**
 * What the app logs through. A pino logger fits; the Node entry's default is one (JSON lines on
 * stdout), the portable entry logs nothing unless given one.
 */
export interface Logger {
  child(bindings: Record<string, unknown>): Logger;
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

/** A logger that drops everything. */
export function silentLogger(): Logger {
  const drop = () => {};
  const logger: Logger = { child: () => logger, debug: drop, info: drop, warn: drop, error: drop };
  return logger;
}
