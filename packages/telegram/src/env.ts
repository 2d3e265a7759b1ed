import { z } from 'zod';
import { telegramAccountSchema } from '@followups/contracts';

/**
 * The Telegram variables, one definition for the gateway and the CLI. Credentials are optional
 * here; whoever needs them says so (the gateway with TRANSPORT=telegram, `telegram login`).
 */
export const telegramEnvShape = {
  /** The account's name in subjects (`telegram.send.<account>`); gateways, dispatchers and the CLI must agree. */
  TELEGRAM_ACCOUNT: telegramAccountSchema.default('sales'),
  /** From my.telegram.org → API development tools. */
  TELEGRAM_API_ID: z.coerce.number().int().positive().optional(),
  TELEGRAM_API_HASH: z.string().regex(/^[0-9a-f]{32}$/i, 'the 32-character api_hash from my.telegram.org').optional(),
  /** The StringSession `followups telegram login` printed. A secret: never logged. */
  TELEGRAM_SESSION: z.string().min(10, 'the session string `followups telegram login` printed').optional(),
  /** `telegram` (Telegram's servers) or `standin` (the NATS stand-in: tests and demos only). */
  TELEGRAM_SERVER: z.enum(['telegram', 'standin']).default('telegram'),
};
