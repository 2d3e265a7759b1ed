import type { Logger } from 'pino';
import { isConfigError } from './errors.js';

/** Exponential back-off with full jitter: 0.5 s, 1 s, 2 s … capped. */
export function backoffMs(attempt: number, baseMs = 500, capMs = 30_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` until it succeeds, waiting longer after each failure and logging one clear line
 * per attempt (no stack trace: an unreachable dependency at start-up is expected, not a bug).
 * `shouldStop` ends the loop early, e.g. on shutdown. A ConfigError (wrong credentials, no such
 * database) is not retried: it is thrown at once, for the service to exit with.
 */
export async function retryUntilReady<T>(
  what: string,
  fn: () => Promise<T>,
  log: Logger,
  shouldStop: () => boolean = () => false,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (shouldStop() || isConfigError(error)) throw error;
      const waitMs = backoffMs(attempt, 500, 10_000);
      log.warn({ attempt, retryInMs: waitMs, reason: describeError(error) }, `${what} unreachable, retrying`);
      await sleep(waitMs);
    }
  }
}

export function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map(describeError).join('; ');
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return code && !error.message.includes(String(code)) ? `${error.message} (${code})` : error.message || error.name;
  }
  return String(error);
}
