/** The user asked for something malformed (unknown command, bad chat id, unparseable time): exit 2 with a hint. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
export const isUsageError = (e: unknown): e is UsageError => e instanceof UsageError;

/** The request was well formed but could not be done (not found, already sent, NATS down): exit 1. */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
export const isCommandError = (e: unknown): e is CommandError => e instanceof CommandError;

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;
