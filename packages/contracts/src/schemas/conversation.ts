import { z } from 'zod';
import { actionIdSchema, chatIdSchema, instantSchema } from './common.js';
import { MAX_MESSAGE_LENGTH } from './limits.js';

/**
 * `conv.in.<chat>`: a client wrote to the sales account.
 * @example {"chatId":"123","messageId":17,"text":"напиши через неделю","at":"2026-11-18T07:20:00.000Z","from":{"id":"123","name":"Ivan"}}
 */
export const convInSchema = z.object({
  chatId: chatIdSchema,
  /** Telegram's message id within the chat (the sandbox uses its stream sequence). */
  messageId: z.number().int().nonnegative(),
  text: z.string(),
  at: instantSchema,
  from: z.object({
    id: chatIdSchema.optional(),
    name: z.string().optional(),
    username: z.string().optional(),
    languageCode: z.string().optional(),
  }),
});
export type ConvIn = z.infer<typeof convInSchema>;

/**
 * `conv.out.<chat>`: the sales account wrote to the client — the bot (`by: "bot"`) or a human (`by: "operator"`).
 * @example {"chatId":"123","text":"Хорошо, напишу вам…","at":"2026-11-18T07:20:01.000Z","by":"bot","actionId":"…"}
 */
export const convOutSchema = z.object({
  chatId: chatIdSchema,
  text: z.string(),
  at: instantSchema,
  by: z.enum(['bot', 'operator']),
  actionId: actionIdSchema.optional(),
  messageId: z.number().int().nonnegative().optional(),
  operator: z.string().optional(),
});
export type ConvOut = z.infer<typeof convOutSchema>;

/**
 * `agent.reply.<chat>`: the agent wants this said now. `inReplyTo` + `part` make the send's idempotency key.
 * @example {"chatId":"123","text":"Хорошо, напишу вам в среду, 25 ноября, в 10:00","inReplyTo":17,"part":0}
 */
export const agentReplySchema = z.object({
  chatId: chatIdSchema,
  text: z.string().min(1).max(MAX_MESSAGE_LENGTH),
  inReplyTo: z.number().int().nonnegative(),
  part: z.number().int().nonnegative().default(0),
});
export type AgentReply = z.infer<typeof agentReplySchema>;
