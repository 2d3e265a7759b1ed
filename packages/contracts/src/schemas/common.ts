import { z } from 'zod';

/** Telegram chat id in decimal. Numbers are accepted and normalised to strings (ids can exceed 2^53 in theory). */
export const chatIdSchema = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v))
  .pipe(z.string().regex(/^-?\d{1,20}$/, 'chat id must be a decimal integer'));
export type ChatId = z.infer<typeof chatIdSchema>;

/** An instant with an explicit offset, e.g. `2026-11-20T02:00:00.000Z`. */
export const instantSchema = z.iso.datetime({ offset: true });

export const actionIdSchema = z.uuid();
