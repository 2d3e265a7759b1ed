import { z } from 'zod';
import { baseEnvSchema, parseEnv } from '@followups/kit';

export const gatewayEnvSchema = baseEnvSchema.extend({
  /**
   * Where client and operator messages come from. Only `sandbox` (the NATS stand-in for Telegram)
   * exists so far; the GramJS transport is a later issue.
   */
  TRANSPORT: z.enum(['sandbox'], { error: 'must be "sandbox" (the only transport so far)' }).default('sandbox'),
});
export type GatewayConfig = z.infer<typeof gatewayEnvSchema>;

/** The gateway needs no Postgres: DATABASE_URL is accepted (it is in the shared schema) and ignored. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<GatewayConfig> {
  return parseEnv(gatewayEnvSchema, env);
}
