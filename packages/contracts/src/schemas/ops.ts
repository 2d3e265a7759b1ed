import { z } from 'zod';
import { actionIdSchema, chatIdSchema, instantSchema } from './common.js';

/**
 * `ops.takeover.<chat>`: a human takes the conversation over. An empty body is valid
 * (`nats pub ops.takeover.123 ''`).
 * @example {"operator":"anna","reason":"big deal"}
 */
export const opsTakeoverSchema = z.object({
  operator: z.string().max(200).optional(),
  reason: z.string().max(500).optional(),
});
export type OpsTakeover = z.infer<typeof opsTakeoverSchema>;

/**
 * `ops.release.<chat>`: the human hands the conversation back to the bot. An empty body is valid.
 * @example {"operator":"anna"}
 */
export const opsReleaseSchema = z.object({ operator: z.string().max(200).optional() });
export type OpsRelease = z.infer<typeof opsReleaseSchema>;

/**
 * Why a chat needs a human. Known values (others may be added; consumers treat the field as text):
 * `question`, `complaint`, `call_request` (asked for a call without a time we understand), `call_due`
 * (a call the client asked for is due now), `unclear`, `not_understood_time` (asked to be written to
 * at a time we cannot place, e.g. after the holidays), `opted_out_client_wrote`, `no_answer` (the
 * brain chose silence), `handoff` (Claude handed the chat over).
 */
export const attentionReasons = [
  'question',
  'complaint',
  'call_request',
  'call_due',
  'unclear',
  'not_understood_time',
  'opted_out_client_wrote',
  'no_answer',
  'handoff',
  /** The Telegram session was revoked: a message to this chat was not sent; someone must log in again. */
  'session_revoked',
  /** A task of the team's is due (its report also goes by e-mail and to the operators' chat when configured). */
  'task_due',
] as const;
export type AttentionReason = (typeof attentionReasons)[number];

/**
 * `ops.attention.<chat>`: a human should look at this chat. Open until a later `ops.takeover` or
 * `ops.attended` of the chat, or an operator typing in it (`conv.out` by an operator, which the
 * scheduler records as a takeover).
 * @example {"chatId":"123","reason":"question","text":"а сколько стоит?","at":"2026-11-18T07:20:00.000Z","messageId":17,"by":"agent"}
 */
export const opsAttentionSchema = z.object({
  chatId: chatIdSchema,
  reason: z.string().min(1).max(100),
  /** The client's words, or what is due (a call's note). */
  text: z.string().max(4096),
  at: instantSchema,
  /** What the bot would do, for the operator to confirm: "write on Friday 10:00 (Europe/Moscow)". */
  suggested: z.string().max(1000).optional(),
  /** The client message that raised it. */
  messageId: z.number().int().nonnegative().optional(),
  /** The action that raised it (a call that fell due). */
  actionId: actionIdSchema.optional(),
  /** Who to reach: the client's Telegram name and username as the gateway saw them. */
  contact: z.object({ name: z.string().max(200).optional(), username: z.string().max(200).optional() }).optional(),
  by: z.enum(['agent', 'dispatcher', 'gateway', 'operator']).default('agent'),
});
export type OpsAttention = z.infer<typeof opsAttentionSchema>;
export type OpsAttentionInput = z.input<typeof opsAttentionSchema>;

/**
 * `ops.attended.<chat>`: an operator dealt with the chat's open attention items. An empty body is valid.
 * @example {"operator":"anna"}
 */
export const opsAttendedSchema = z.object({ operator: z.string().max(200).optional() });
export type OpsAttended = z.infer<typeof opsAttendedSchema>;
