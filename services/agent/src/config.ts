import { fileURLToPath } from 'node:url';
import { baseEnvSchema, parseEnv } from '@followups/kit';
import { withSettings, type Settings } from '@followups/settings';
import { z } from 'zod';

/** The prompt shipped with the agent; operators point SYSTEM_PROMPT_FILE at their own copy. */
export const defaultSystemPromptFile = fileURLToPath(new URL('../prompts/sales-assistant.md', import.meta.url));

export const agentEnvSchema = baseEnvSchema.extend({
  /** Messages kept per chat: the brain's context. */
  HISTORY_LIMIT: z.coerce.number().int().min(1).max(10_000).default(50),
  /** Set: Claude is the brain, with the rule brain as its fallback. Unset: the rule brain alone. */
  ANTHROPIC_API_KEY: z.string().optional(),
  /** Another Messages API endpoint (a proxy, or the tests' local fake). Unset: Anthropic's. */
  ANTHROPIC_BASE_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  /** The current Sonnet (the SDK marks claude-sonnet-4-5 deprecated). */
  ANTHROPIC_MODEL: z.string().min(1).default('claude-sonnet-5-5'),
  /** Per HTTP attempt; the SDK retries a timed-out attempt like a 429/5xx/529. */
  ANTHROPIC_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(20_000),
  /** Retries of one request on 408/409/429/5xx/529 and connection errors, with the SDK's back-off. */
  ANTHROPIC_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  /** Per response, thinking included (current models think adaptively by default). */
  ANTHROPIC_MAX_TOKENS: z.coerce.number().int().min(64).max(32_000).default(4096),
  /** The sales-assistant system prompt, a plain text file operators edit; read at start-up. */
  SYSTEM_PROMPT_FILE: z.string().min(1).default(defaultSystemPromptFile),
});
export type AgentConfig = Readonly<z.infer<typeof agentEnvSchema> & { settings: Settings }>;

/** The agent's configuration, parsed once; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AgentConfig {
  return withSettings(parseEnv(agentEnvSchema, env), env);
}
