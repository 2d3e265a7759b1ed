import { z } from 'zod';
import { baseEnvSchema, parseEnv } from '@followups/kit';
import { telegramEnvShape } from '@followups/telegram';

/** A comma-separated list of chat ids, e.g. `-1001234567890,-4567`. */
const chatList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^-?[1-9]\d{0,18}$/, 'chat ids, comma-separated')));

export const gatewayEnvSchema = baseEnvSchema
  .extend({
    /**
     * Where client and operator messages come from: `sandbox` (the NATS stand-in for Telegram,
     * the default) or `telegram` (the sales account itself, through GramJS).
     */
    TRANSPORT: z.enum(['sandbox', 'telegram'], { error: 'must be "sandbox" or "telegram"' }).default('sandbox'),
    ...telegramEnvShape,
    /** Groups, channels or bots also served (private chats with people are always served). */
    TELEGRAM_ALLOW_CHATS: chatList.default([]),
    /** How long a silent session holder keeps the session before another replica may take it. */
    TELEGRAM_LEASE_TTL_MS: z.coerce.number().int().min(1000).default(30_000),
    /** How often the update stream is checked against the server (and the connection reconnected if updates stopped). */
    TELEGRAM_WATCHDOG_MS: z.coerce.number().int().min(1000).default(60_000),
    /** Least time between two messages to one chat. */
    TELEGRAM_PER_CHAT_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
    /** Messages per second across the account. */
    TELEGRAM_SENDS_PER_SECOND: z.coerce.number().positive().max(100).default(20),
  })
  .superRefine((c, ctx) => {
    if (c.TRANSPORT !== 'telegram') return;
    for (const key of ['TELEGRAM_API_ID', 'TELEGRAM_API_HASH', 'TELEGRAM_SESSION'] as const) {
      if (c[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'required with TRANSPORT=telegram (see the README: "Connecting a Telegram account")' });
    }
  });
export type GatewayConfig = z.infer<typeof gatewayEnvSchema>;

/** The gateway needs no Postgres: DATABASE_URL is accepted (it is in the shared schema) and ignored. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<GatewayConfig> {
  return parseEnv(gatewayEnvSchema, env);
}
