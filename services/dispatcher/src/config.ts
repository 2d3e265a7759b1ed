import { z } from 'zod';
import { telegramAccountSchema } from '@followups/contracts';
import { baseEnvSchema, parseEnv } from '@followups/kit';
import { withSettings, type Settings } from '@followups/settings';


export const dispatcherEnvSchema = baseEnvSchema.extend({
  /**
   * How messages reach the client: `sandbox` (the NATS stand-in for Telegram) or `telegram` (the
   * account, through the gateway replica that holds its session).
   */
  TRANSPORT: z.enum(['sandbox', 'telegram'], { error: 'must be "sandbox" or "telegram"' }).default('sandbox'),
  /** The account's name, as the gateway's TELEGRAM_ACCOUNT. */
  TELEGRAM_ACCOUNT: telegramAccountSchema.default('sales'),
  /** How long a send waits for the session holder's answer before it is retried (the random id keeps the retry harmless). */
  TELEGRAM_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /** How long a dispatcher owns an action it started sending before another may take it over. */
  SENDING_LEASE_MS: z.coerce.number().int().positive().default(60_000),
  /** Send attempts (the row's `attempts`) before an action ends `failed`. */
  MAX_SEND_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  /** Chats handled at once within a batch; each chat's messages stay in order. */
  MAX_CONCURRENT_CHATS: z.coerce.number().int().min(1).max(256).default(32),
});

export type DispatcherConfig = Readonly<z.infer<typeof dispatcherEnvSchema> & { settings: Settings }>;

/** Reads and validates the environment; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): DispatcherConfig {
  return withSettings(parseEnv(dispatcherEnvSchema, env), env);
}
