import { baseEnvSchema, parseEnv } from '@followups/kit';
import { isValidTimeZone } from '@followups/when';
import { z } from 'zod';

export const agentEnvSchema = baseEnvSchema.extend({
  /** Zone of chats that have none of their own. */
  DEFAULT_TIME_ZONE: z
    .string()
    .refine(isValidTimeZone, { message: 'must be an IANA time zone, e.g. Asia/Makassar or Europe/Berlin' })
    .default('Asia/Makassar'),
  /** Local hour at which day-granular phrases ("завтра", "в пятницу") land. */
  DEFAULT_FOLLOW_UP_HOUR: z.coerce.number().int().min(0).max(23).default(10),
  /** Messages kept per chat: the brain's context. */
  HISTORY_LIMIT: z.coerce.number().int().min(1).max(10_000).default(50),
  /** Claude as the brain (issue 3). Accepted now, not yet used: the rule brain answers. */
  ANTHROPIC_API_KEY: z.string().optional(),
});
export type AgentConfig = z.infer<typeof agentEnvSchema>;

/** The agent's configuration, parsed once; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<AgentConfig> {
  return parseEnv(agentEnvSchema, env);
}
