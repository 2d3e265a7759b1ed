/** The message can never be processed: dead-letter it with this reason and move on. */
export class NonRetriableError extends Error {
  override name = 'NonRetriableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
export const isNonRetriableError = (e: unknown): e is NonRetriableError => e instanceof NonRetriableError;

/** The message cannot be processed now but may be later (a dependency is down): redeliver after `delayMs`. */
export class RetryLaterError extends Error {
  override name = 'RetryLaterError';
  constructor(
    message: string,
    readonly delayMs: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
export const isRetryLaterError = (e: unknown): e is RetryLaterError => e instanceof RetryLaterError;

/** A configuration value is missing or wrong. The message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
export const isConfigError = (e: unknown): e is ConfigError => e instanceof ConfigError;
