import { JetStreamApiCodes, JetStreamApiError, type JetStreamManager, type StoredMsg } from '@nats-io/jetstream';

/**
 * A stream that does not exist yet: the services create them at start-up, so before the first
 * run (the CLI, which creates only the streams it publishes to) a read finds nothing rather than failing.
 */
export function isStreamMissing(e: unknown): boolean {
  return e instanceof JetStreamApiError && e.code === JetStreamApiCodes.StreamNotFound;
}

/** The last message stored on `subject`, or null (none, or no such stream yet). */
export async function lastOnSubject(jsm: JetStreamManager, stream: string, subject: string): Promise<StoredMsg | null> {
  try {
    return await jsm.streams.getMessage(stream, { last_by_subj: subject });
  } catch (e) {
    if (isStreamMissing(e)) return null;
    throw e;
  }
}

/**
 * A stored message's stream time in nanoseconds, from the server's RFC 3339 stamp. Messages of
 * two streams are ordered by these, and a `Date` (milliseconds) would call a takeover and an
 * attention item stored within the same millisecond simultaneous.
 */
export function storedNanos(timestamp: string): bigint {
  const m = /^(.+?:\d\d)(?:\.(\d{1,9})\d*)?(Z|[+-]\d\d:\d\d)$/.exec(timestamp);
  if (!m) return BigInt(Date.parse(timestamp)) * 1_000_000n;
  const wholeSeconds = Date.parse(`${m[1]}${m[3]}`);
  return BigInt(wholeSeconds) * 1_000_000n + BigInt((m[2] ?? '').padEnd(9, '0'));
}
