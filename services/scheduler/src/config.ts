import { Cron } from 'croner';
import { z } from 'zod';
import { baseEnvSchema, parseEnv } from '@followups/kit';
import { withSettings, type Settings } from '@followups/settings';

function isCronPattern(pattern: string): boolean {
  try {
    new Cron(pattern); // no function given: parses the pattern, schedules nothing
    return true;
  } catch {
    return false;
  }
}

export const schedulerEnvSchema = baseEnvSchema.extend({
  /** When the claim-and-publish pass runs; croner syntax with seconds. Every second by default. */
  SCHEDULER_TICK_CRON: z
    .string()
    .default('* * * * * *')
    .refine(isCronPattern, 'must be a cron pattern croner understands, e.g. "* * * * * *" (with seconds)'),
  /** Rows claimed (and due events published) per round trip; a tick loops until a batch comes back short. */
  CLAIM_BATCH_SIZE: z.coerce.number().int().positive().max(50_000).default(1000),
  /** How long a claimed row may wait for a dispatcher before its due event is published again. */
  CLAIM_LEASE_MS: z.coerce.number().int().positive().default(60_000),
  /**
   * Each tick also claims what falls due before the next tick (plus a margin) and publishes it at
   * once; the dispatchers hold it until its exact instant. 0: claim only what is due already.
   */
  CLAIM_AHEAD_MS: z.coerce.number().int().min(0).max(60_000).default(1500),
});

export type SchedulerConfig = Readonly<z.infer<typeof schedulerEnvSchema> & { settings: Settings }>;

/** The scheduler's configuration, parsed once; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): SchedulerConfig {
  return withSettings(parseEnv(schedulerEnvSchema, env), env);
}
