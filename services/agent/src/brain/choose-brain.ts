import type { Logger } from '@followups/kit';
import type { AgentConfig } from '../config.js';
import type { Brain } from './brain.js';
import { createClaudeBrain } from './claude/claude-brain.js';
import { createClaudeClient } from './claude/client.js';
import { loadSystemPrompt } from './claude/system-prompt.js';
import { withFallback } from './fallback-brain.js';
import { createRuleBrain } from './rule-brain.js';

/** ANTHROPIC_API_KEY set: Claude, with the rule brain when Claude is unreachable. Unset: the rule brain. */
export function chooseBrain(config: Readonly<AgentConfig>, log: Logger): Brain {
  const rule = createRuleBrain({ defaultHour: config.settings.defaultHour });
  if (!config.ANTHROPIC_API_KEY) {
    log.info({ brain: 'rule' }, 'no ANTHROPIC_API_KEY: the rule brain answers');
    return rule;
  }
  const client = createClaudeClient(
    { apiKey: config.ANTHROPIC_API_KEY, baseURL: config.ANTHROPIC_BASE_URL, timeoutMs: config.ANTHROPIC_TIMEOUT_MS, maxRetries: config.ANTHROPIC_MAX_RETRIES },
    log,
  );
  const claude = createClaudeBrain({
    client,
    model: config.ANTHROPIC_MODEL,
    maxTokens: config.ANTHROPIC_MAX_TOKENS,
    systemPrompt: loadSystemPrompt(config.SYSTEM_PROMPT_FILE),
    defaultHour: config.settings.defaultHour,
    log,
  });
  log.info(
    { brain: 'claude', fallback: 'rule', model: config.ANTHROPIC_MODEL, customEndpoint: Boolean(config.ANTHROPIC_BASE_URL), systemPromptFile: config.SYSTEM_PROMPT_FILE },
    'Claude answers; the rule brain when Claude is unreachable',
  );
  return withFallback(claude, rule, log);
}
