import { createHash } from 'node:crypto';

/**
 * Telegram's `random_id` for an idempotency key: a signed 64-bit integer in decimal, taken from
 * the first 8 bytes of the key's SHA-256. The same key always gives the same id, so a retried or
 * redelivered send carries the id Telegram (or the sandbox) already saw and is refused as a
 * duplicate instead of reaching the client twice.
 * @example randomIdFor('action:7f0c…') // '-4512083322870128740'
 */
export function randomIdFor(key: string): string {
  const digest = createHash('sha256').update(key, 'utf8').digest();
  return BigInt.asIntN(64, digest.readBigUInt64BE(0)).toString();
}

/** The idempotency key of a due action's send. */
export const actionSendKey = (actionId: string) => `action:${actionId}`;

/** The idempotency key of one part of an agent reply. */
export const replySendKey = (chatId: string, inReplyTo: number, part: number) => `reply:${chatId}:${inReplyTo}:${part}`;
