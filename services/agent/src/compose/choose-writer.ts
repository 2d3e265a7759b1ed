import type { Logger } from '@followups/kit';
import { createClaudeClient } from '../brain/claude/client.js';
import type { AgentConfig } from '../config.js';
import { createClaudeWriter, type FollowUpWriter } from './claude-writer.js';
import { limitWrites } from './writer-slots.js';

/** Claude calls for follow-ups at once; the rest wait their turn within their time. */
const WRITES_AT_ONCE = 8;

/** ANTHROPIC_API_KEY set: Claude writes follow-ups, through the same client settings as the brain. Unset: null (the template). */
export function chooseWriter(config: Readonly<AgentConfig>, log: Logger): FollowUpWriter | null {
  if (!config.ANTHROPIC_API_KEY) return null;
  const client = createClaudeClient(
    { apiKey: config.ANTHROPIC_API_KEY, baseURL: config.ANTHROPIC_BASE_URL, timeoutMs: config.ANTHROPIC_TIMEOUT_MS, maxRetries: config.ANTHROPIC_MAX_RETRIES },
    log,
  );
  return limitWrites(createClaudeWriter({ client, model: config.ANTHROPIC_MODEL, maxTokens: config.ANTHROPIC_MAX_TOKENS, log }), WRITES_AT_ONCE);
}
