import { z } from 'zod';
import { actionIdSchema, chatIdSchema, instantSchema } from './common.js';
import { MAX_MESSAGE_LENGTH } from './limits.js';

/**
 * `sandbox.client.<chat>` / `sandbox.operator.<chat>`: someone types in the stand-in Telegram.
 * @example {"text":"напиши через 2 минуты"}
 */
export const sandboxInputSchema = z.object({
  /** What a Telegram user can type: at most 4,096 characters. */
  text: z.string().min(1).max(MAX_MESSAGE_LENGTH),
  name: z.string().optional(),
});
export type SandboxInput = z.infer<typeof sandboxInputSchema>;

/**
 * `sandbox.delivered.<chat>`: what the stack sent to the client through the sandbox.
 * @example {"chatId":"123","text":"Добрый день!","randomId":"-4512…","actionId":"…","at":"2026-11-25T02:00:00.120Z"}
 */
export const sandboxDeliveredSchema = z.object({
  chatId: chatIdSchema,
  text: z.string(),
  /** Telegram's `random_id`: a signed 64-bit integer in decimal. */
  randomId: z.string().regex(/^-?\d+$/),
  actionId: actionIdSchema.optional(),
  at: instantSchema,
});
export type SandboxDelivered = z.infer<typeof sandboxDeliveredSchema>;
