import { describe, expect, it } from 'vitest';
import { openItems } from './open-attention.js';
import type { AttentionEntry } from './read-attention.js';

const item = (chatId: string, storedAt: bigint, streamSeq: number): AttentionEntry => ({
  chatId,
  storedAt,
  streamSeq,
  payload: { chatId, reason: 'question', text: '?', at: '2026-11-18T07:20:00.000Z', by: 'agent' },
});

describe('openItems', () => {
  it('keeps an item unless its own chat was cleared after it was stored', () => {
    const items = [item('1', 100n, 1), item('1', 300n, 3), item('2', 200n, 2), item('3', 250n, 4)];
    const cleared = new Map([['1', 200n], ['2', 200n]]); // chat 2: the same instant counts as dealt with
    expect(openItems(items, (chat) => cleared.get(chat)).map((i) => i.streamSeq)).toEqual([3, 4]);
  });
});
