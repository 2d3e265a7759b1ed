import type Anthropic from '@anthropic-ai/sdk';
import { timeClaude, type Logger } from '@followups/kit';

export interface ToolLoopOptions {
  client: Anthropic;
  /** The first request; later rounds append the assistant's turn and the tool results. */
  request: Anthropic.MessageCreateParamsNonStreaming;
  /** Most requests for one message. The last is sent with `tool_choice: none`, so it ends in words. */
  maxRounds: number;
  execute: (call: Anthropic.ToolUseBlock) => Anthropic.ToolResultBlockParam;
  log: Logger;
  ids: { chatId: string; messageId: number };
}

export interface ToolLoopResult {
  /** What to say to the client; empty when Claude chose silence. */
  reply: string;
}

/**
 * Talks with Claude until it stops asking for tools: each response's tool calls are executed in
 * order and answered in one user turn of `tool_result` blocks, with the assistant's turn sent
 * back exactly as it came. The reply is the last round's text: text written alongside tool calls
 * was written before their results (a corrected time, a refusal) and is used only if the last
 * round says nothing.
 */
export async function runToolLoop(o: ToolLoopOptions): Promise<ToolLoopResult> {
  const messages = [...o.request.messages];
  let earlierText = '';
  for (let round = 1; ; round++) {
    const last = round >= o.maxRounds;
    const response = await timeClaude('agent', 'reply', () => o.client.messages.create({ ...o.request, messages, ...(last ? { tool_choice: { type: 'none' as const } } : {}) }));
    const text = response.content
      .flatMap((b) => (b.type === 'text' && b.text.trim() !== '' ? [b.text.trim()] : []))
      .join('\n\n');
    const calls = response.content.filter((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
    o.log.debug({ ...o.ids, round, stopReason: response.stop_reason, toolCalls: calls.map((c) => c.name), usage: response.usage }, 'Claude answered');

    if (response.stop_reason !== 'tool_use' || calls.length === 0 || last) {
      if (response.stop_reason !== 'end_turn') o.log.warn({ ...o.ids, round, stopReason: response.stop_reason }, 'Claude stopped other than by ending its turn');
      return { reply: text || earlierText };
    }
    if (text) earlierText = text;
    // Exactly as it came: thinking blocks (current models think by default) must go back unchanged.
    messages.push({ role: 'assistant', content: response.content });
    messages.push({ role: 'user', content: calls.map((call) => o.execute(call)) });
  }
}
