import { z } from 'zod';

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
