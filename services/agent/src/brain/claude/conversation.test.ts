import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../db/history.js';
import { conversationTurns } from './conversation.js';

const at = new Date('2026-11-18T07:20:00.000Z');
const client = (text: string): HistoryEntry => ({ role: 'client', text, at, messageId: 1 });
const bot = (text: string): HistoryEntry => ({ role: 'bot', text, at, messageId: 1 });

describe('conversation turns', () => {
  it('alternates user and assistant, ending with the message being answered', () => {
    expect(conversationTurns([client('привет'), bot('Здравствуйте!')], 'сколько стоит?')).toEqual([
      { role: 'user', content: 'привет' },
      { role: 'assistant', content: 'Здравствуйте!' },
      { role: 'user', content: 'сколько стоит?' },
    ]);
  });

  it('merges consecutive same-role rows, the current message included, in order', () => {
    const turns = conversationTurns([client('a'), client('b'), bot('c'), bot('d'), client('e')], 'f');
    expect(turns).toEqual([
      { role: 'user', content: 'a\nb' },
      { role: 'assistant', content: 'c\nd' },
      { role: 'user', content: 'e\nf' },
    ]);
  });

  it('starts with a user turn when the trimmed history starts with a reply, and skips blank rows', () => {
    expect(conversationTurns([bot('old reply'), client('  '), bot('another')], 'hi')).toEqual([{ role: 'user', content: 'hi' }]);
  });

  it('still ends with a user turn when the message has no text', () => {
    const turns = conversationTurns([client('a'), bot('b')], '');
    expect(turns.at(-1)).toEqual({ role: 'user', content: '(the client sent a message without text)' });
    expect(turns.map((t) => t.role)).toEqual(['user', 'assistant', 'user']);
  });
});
