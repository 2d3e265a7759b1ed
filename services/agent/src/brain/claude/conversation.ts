import type Anthropic from '@anthropic-ai/sdk';
import type { HistoryEntry } from '../../db/history.js';

/**
 * The chat as Messages API turns: client rows are `user`, the agent's replies `assistant`, and
 * the message being answered the last `user` turn. The API wants a user turn first and the
 * roles alternating, while the history may start with a reply (trimmed) and hold several client
 * messages in a row (unanswered, or sent under a takeover): leading replies are dropped and
 * consecutive same-role rows merged, one line each, in order.
 */
export function conversationTurns(history: readonly HistoryEntry[], current: string): Anthropic.MessageParam[] {
  const rows = [...history.map((h) => ({ role: h.role === 'client' ? ('user' as const) : ('assistant' as const), text: h.text })), { role: 'user' as const, text: current }];
  const turns: { role: 'user' | 'assistant'; lines: string[] }[] = [];
  for (const row of rows) {
    const text = row.text.trim();
    if (text === '') continue;
    const last = turns.at(-1);
    if (last?.role === row.role) last.lines.push(text);
    else if (last || row.role === 'user') turns.push({ role: row.role, lines: [text] });
  }
  // The current message may be blank (a sticker, a photo caption-less): the API still needs a user turn.
  if (turns.at(-1)?.role !== 'user') turns.push({ role: 'user', lines: ['(the client sent a message without text)'] });
  return turns.map((t) => ({ role: t.role, content: t.lines.join('\n') }));
}
