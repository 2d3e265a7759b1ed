import { userInfo } from 'node:os';
import { z } from 'zod';
import { actorNameSchema } from '@followups/contracts';
// Light entry points: a command's config must not load NATS, Postgres, the logger or GramJS.
import { baseEnvSchema, parseEnv } from '@followups/kit/config';
import { withSettings, type Settings } from '@followups/settings';
import { telegramEnvShape } from '@followups/telegram/env';

export const cliEnvSchema = baseEnvSchema.extend({
  /** Quieter than the services: the CLI's own output is for people, logs only when something is wrong. */
  LOG_LEVEL: baseEnvSchema.shape.LOG_LEVEL.unwrap().default('warn'),
  /** Who runs the commands, as the actions' history names them (`cli:<user>`); default: the login name. */
  FOLLOWUPS_USER: actorNameSchema.default(loginName()),
  /** How long `schedule create|cancel` wait for the scheduler to apply the request before saying it is queued. */
  CLI_WAIT_MS: z.coerce.number().int().nonnegative().default(5000),
  /** `schedule run-due`: the same knobs as the scheduler's tick. */
  CLAIM_BATCH_SIZE: z.coerce.number().int().positive().max(50_000).default(1000),
  CLAIM_LEASE_MS: z.coerce.number().int().positive().default(60_000),
  /** `telegram login|whoami|status`. */
  ...telegramEnvShape,
});
export type CliConfig = Readonly<z.infer<typeof cliEnvSchema> & { settings: Settings }>;

/** Parsed once per command; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): CliConfig {
  return withSettings(parseEnv(cliEnvSchema, env), env);
}

function loginName(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown'; // a container user with no passwd entry
  }
}
