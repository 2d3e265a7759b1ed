/**
 * What kind of failure an error is, for the consumer loop: whether trying the same message again
 * can ever help.
 */

/** Node and driver codes of a connection that failed or dropped: the dependency, not the message. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND', 'ECONNABORTED']);

const codeOf = (e: unknown): string | undefined => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * Postgres refused the values themselves — class 22 (data exception: a NUL byte 22021, an
 * unsupported escape 22P05, a bad literal 22P02…) or 23 (integrity) — or the code could never
 * handle the message: a stack overflow on a deeply nested value, a schema violation found late.
 * The same message fails the same way every time: dead-letter it at once.
 */
export function isDeterministicFailure(e: unknown): boolean {
  const code = codeOf(e);
  if (code && /^2[23]/.test(code)) return true;
  if (e instanceof RangeError && /call stack/i.test(e.message)) return true;
  return (e as { name?: unknown } | null)?.name === 'ZodError';
}

/**
 * A dependency that is down or busy: Postgres restarting or refusing connections (class 08
 * connection exceptions, 57P0x shutdown, 53xxx out of resources, 40001/40P01 a serialisation or
 * deadlock loser), a dropped socket, a timeout. Retried for as long as it lasts: an outage must
 * never turn messages into dead letters.
 */
export function isTransientFailure(e: unknown): boolean {
  const code = codeOf(e);
  if (code && (/^(08|53|57P0)/.test(code) || code === '40001' || code === '40P01' || NETWORK_CODES.has(code))) return true;
  const message = e instanceof Error ? e.message : String(e);
  return /connection terminated|connection (?:is )?closed|not queryable|timeout|timed out|TIMEOUT|503|no responders/i.test(message);
}
