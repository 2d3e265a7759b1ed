import type Anthropic from '@anthropic-ai/sdk';
import { MAX_MESSAGE_LENGTH } from '@followups/contracts';
import { timeClaude, type Logger } from '@followups/kit';
import { buildComposeRequest, type ComposeInput } from './compose-request.js';

/** Writes a follow-up from the conversation; throws when it cannot, and the caller falls back. */
export interface FollowUpWriter {
  readonly name: 'claude';
  /** `signal` ends the attempt when the dispatcher would no longer wait for it. */
  write(input: ComposeInput, signal: AbortSignal): Promise<string>;
}

export interface ClaudeWriterOptions {
  client: Anthropic;
  model: string;
  /** Per response, thinking included. */
  maxTokens: number;
  log: Logger;
}

/** One Messages API call, no tools: the text Claude writes is the follow-up, once it passes `usableText`. */
export function createClaudeWriter(o: ClaudeWriterOptions): FollowUpWriter {
  return {
    name: 'claude',
    async write(input, signal) {
      const response = await timeClaude('agent', 'compose', () => o.client.messages.create(buildComposeRequest(o, input), { signal }));
      o.log.debug({ chatId: input.chatId, stopReason: response.stop_reason, usage: response.usage }, 'Claude wrote a follow-up');
      // Cut off by the token limit: half a sentence is worse than the template.
      if (response.stop_reason === 'max_tokens') throw new Error('Claude was cut off by max_tokens');
      const text = response.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('\n');
      return usableText(text);
    },
  };
}

const WRAPPING_QUOTES = /^(["«“„])([\s\S]*)(["»”“])$/;

/**
 * The text as it may be sent: trimmed, without quotes wrapped around the whole of it (models like
 * to quote "the message"), not empty and within Telegram's limit. Throws otherwise.
 */
export function usableText(raw: string): string {
  let text = raw.trim();
  const quoted = WRAPPING_QUOTES.exec(text);
  if (quoted && !/["«»“”„]/.test(quoted[2]!)) text = quoted[2]!.trim();
  if (text === '') throw new Error('Claude wrote no text');
  if (text.length > MAX_MESSAGE_LENGTH) throw new Error(`Claude wrote ${text.length} characters, more than a message holds (${MAX_MESSAGE_LENGTH})`);
  return text;
}
