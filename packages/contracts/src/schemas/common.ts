import { z } from 'zod';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * The one canonical way to write a chat id: decimal, no leading zeros, no "-0". `0810000187` and
 * `810000187` are one chat to Postgres but two subjects to NATS — a takeover on one would not
 * silence the other — so only the canonical form is accepted anywhere.
 */
export const CANONICAL_CHAT_ID = /^(?:0|-?[1-9]\d{0,18})$/;

/**
 * Telegram chat id in decimal, a signed 64-bit integer (what Postgres' bigint holds). Numbers are
 * accepted and normalised to strings (ids can exceed 2^53 in theory).
 */
export const chatIdSchema = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v))
  .pipe(
    z
      .string()
      .regex(CANONICAL_CHAT_ID, { message: 'chat id must be a decimal integer without leading zeros', abort: true })
      .refine((v) => BigInt(v) >= INT64_MIN && BigInt(v) <= INT64_MAX, 'chat id must fit a signed 64-bit integer'),
  );
export type ChatId = z.infer<typeof chatIdSchema>;

/** An instant with an explicit offset, e.g. `2026-11-20T02:00:00.000Z`. */
export const instantSchema = z.iso.datetime({ offset: true });

export const actionIdSchema = z.uuid();
