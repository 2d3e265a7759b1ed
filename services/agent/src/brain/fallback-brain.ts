import type { Logger } from '@followups/kit';
import type { Brain } from './brain.js';
import { describeClaudeFailure } from './claude/failure.js';

/**
 * Claude first, the rule brain when Claude fails, so the conversation is never lost: an
 * unreachable Claude (after the SDK's own retries) is a warning; anything else (a 400 from a
 * bad model name, a bug) an error, yet the client still gets the rule brain's answer.
 */
export function withFallback(primary: Brain, fallback: Brain, log: Logger): Brain {
  return {
    name: primary.name,
    async decide(input) {
      try {
        return await primary.decide(input);
      } catch (e) {
        const { unreachable, reason } = describeClaudeFailure(e);
        const fields = { chatId: input.chatId, messageId: input.message.messageId, brain: primary.name, fallback: fallback.name, reason };
        if (unreachable) log.warn(fields, `${primary.name} unreachable, the ${fallback.name} brain answers`);
        else log.error(fields, `${primary.name} failed, the ${fallback.name} brain answers`);
        return fallback.decide(input);
      }
    },
  };
}
