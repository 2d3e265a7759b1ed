import type Anthropic from '@anthropic-ai/sdk';
import type { BrainInput } from '../brain.js';
import { conversationContext } from './context.js';
import { toolDefinitions } from './tools.js';

export interface RequestSettings {
  model: string;
  maxTokens: number;
  systemPrompt: string;
}

/**
 * The first request for a message. Prompt caching: tools, then system, are the prefix Anthropic
 * caches; breakpoints on the last tool and on the operators' prompt cover that fixed part, and
 * the per-message context goes in a system block after them, so it never breaks the cache.
 */
export function buildRequest(settings: RequestSettings, input: BrainInput, messages: Anthropic.MessageParam[]): Anthropic.MessageCreateParamsNonStreaming {
  return {
    model: settings.model,
    max_tokens: settings.maxTokens,
    system: [
      { type: 'text', text: settings.systemPrompt, cache_control: { type: 'ephemeral' } },
      { type: 'text', text: conversationContext(input) },
    ],
    tools: toolDefinitions(),
    tool_choice: { type: 'auto' },
    messages,
  };
}
