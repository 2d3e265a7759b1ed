import { z } from 'zod';
import { actionIdSchema, chatIdSchema, instantSchema } from './common.js';
import { MAX_MESSAGE_LENGTH } from './limits.js';

/**
 * Request on `agent.compose.<chat>` (core NATS request/reply, queue group `agent`): a follow-up
 * scheduled with `compose: true` is due; the dispatcher asks the agent to write it from the
 * conversation as it is now. The dispatcher waits at most the settings' `compose.timeout`; with no
 * answer it sends `fallback` (the text fixed when it was scheduled).
 * @example {"actionId":"0b7c2d1e-4f5a-4b6c-9d8e-1f2a3b4c5d6e","chatId":"123","dueAt":"2026-11-25T02:00:00.000Z","fallback":"Добрый день! Вы просили написать — удобно сейчас продолжить?","reason":"client asked: напиши через неделю"}
 */
export const composeRequestSchema = z.object({
  actionId: actionIdSchema,
  chatId: chatIdSchema,
  dueAt: instantSchema,
  fallback: z.string().min(1).max(MAX_MESSAGE_LENGTH),
  /** Why the follow-up was scheduled (the client's words), for the writer. */
  reason: z.string().max(500).default(''),
});
export type ComposeRequest = z.infer<typeof composeRequestSchema>;

/**
 * The answer: the text to send, and who wrote it (`claude`, `rule`: the rule brain's template).
 * @example {"text":"Добрый вечер! Вы просили написать через неделю — удалось посмотреть виллы?","by":"claude"}
 */
export const composeReplySchema = z.object({
  text: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH),
  by: z.enum(['claude', 'rule']),
});
export type ComposeReply = z.infer<typeof composeReplySchema>;
