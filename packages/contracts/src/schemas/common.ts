import { z } from 'zod';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

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
      .regex(/^-?\d{1,19}$/, { message: 'chat id must be a decimal integer', abort: true })
      .refine((v) => BigInt(v) >= INT64_MIN && BigInt(v) <= INT64_MAX, 'chat id must fit a signed 64-bit integer'),
  );
export type ChatId = z.infer<typeof chatIdSchema>;

/** An instant with an explicit offset, e.g. `2026-11-20T02:00:00.000Z`. */
export const instantSchema = z.iso.datetime({ offset: true });

export const actionIdSchema = z.uuid();
