import { z } from 'zod';
import { instantSchema } from './common.js';

/**
 * `dlq.<original subject>`: a message a consumer gave up on, and why.
 * @example {"subject":"conv.in.123","service":"agent","consumer":"agent-conv-in","reason":"invalid JSON: Unexpected token","data":"{oops","streamSeq":42,"at":"…"}
 */
export const deadLetterSchema = z.object({
  subject: z.string(),
  service: z.string(),
  consumer: z.string(),
  reason: z.string(),
  /** The original body as UTF-8, cut to 64 KiB. */
  data: z.string(),
  streamSeq: z.number().int().nonnegative(),
  at: instantSchema,
});
export type DeadLetter = z.infer<typeof deadLetterSchema>;
