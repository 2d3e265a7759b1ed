import { z } from 'zod';
import { chatIdSchema, instantSchema } from './common.js';
import { MAX_MESSAGE_LENGTH } from './limits.js';

/** An account's name in subjects (`telegram.send.<account>`): one token, chosen per deployment (TELEGRAM_ACCOUNT). */
export const telegramAccountSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "_" or "-" (one NATS subject token)');

/** Telegram's `random_id`: a signed 64-bit integer in decimal. */
export const randomIdSchema = z.string().regex(/^-?\d{1,19}$/);

/**
 * Request on `telegram.send.<account>` (core NATS request/reply), answered by the one process that
 * holds the account's session. The random id makes a repeated request harmless: Telegram refuses
 * it as `RANDOM_ID_DUPLICATE`, answered `duplicate`.
 * @example {"chatId":"123","text":"Добрый день!","randomId":"-4512083322870128740","readUpTo":17}
 */
export const telegramSendRequestSchema = z.object({
  chatId: chatIdSchema,
  text: z.string().min(1).max(MAX_MESSAGE_LENGTH),
  randomId: randomIdSchema,
  /** The client's message this answers: marked read first, as a person would. */
  readUpTo: z.number().int().positive().optional(),
});
export type TelegramSendRequest = z.infer<typeof telegramSendRequestSchema>;

/**
 * The answer: sent (with Telegram's message id), or why not — `duplicate` (already sent: a
 * success), `flood_wait` (try again after `retryAfterMs`), `permanent` (never: the client blocked
 * the account, deleted it…), `session` (the account's session is revoked: nothing is sent until an
 * operator logs in again), `transient` (try again).
 */
export const telegramSendReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), messageId: z.number().int().nonnegative() }),
  z.object({
    ok: z.literal(false),
    error: z.enum(['duplicate', 'flood_wait', 'permanent', 'session', 'transient']),
    reason: z.string().max(1000),
    retryAfterMs: z.number().int().nonnegative().optional(),
  }),
]);
export type TelegramSendReply = z.infer<typeof telegramSendReplySchema>;

/**
 * `telegram.status.<account>`: what the session's holder last said about it (the last record per
 * account), read by `followups telegram status`.
 * @example {"account":"sales","state":"connected","owner":"gateway-1","at":"2026-12-01T10:00:00.000Z","user":{"id":"777","username":"anna_sales"}}
 */
export const telegramStatusSchema = z.object({
  account: telegramAccountSchema,
  state: z.enum(['connecting', 'connected', 'reconnecting', 'revoked', 'stopped']),
  owner: z.string().max(200),
  at: instantSchema,
  reason: z.string().max(1000).optional(),
  user: z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() }).optional(),
});
export type TelegramStatus = z.infer<typeof telegramStatusSchema>;
