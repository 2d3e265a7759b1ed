import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjects } from '@followups/contracts';
import { ensureStreams, publishJson } from '@followups/kit';
import { startTestBed, type NatsBed } from '@followups/kit/testing';
import { orderedClientTimes } from './ordered-times.js';

describe('orderedClientTimes', () => {
  let bed: NatsBed;
  beforeAll(async () => {
    bed = await startTestBed('ordered_times', { database: false });
    await ensureStreams(bed.jsm, ['conv']);
  });
  afterAll(async () => bed?.close());

  const second = new Date('2026-12-01T10:00:05.000Z');

  it('a message received within its second is dated when it arrived; one caught up later, at the end of its second', async () => {
    let now = second.getTime() + 400;
    const at = orderedClientTimes(bed.jsm, () => now);
    expect((await at('1', second)).toISOString()).toBe('2026-12-01T10:00:05.400Z');
    now = second.getTime() + 60_000;
    expect((await at('2', second)).toISOString()).toBe('2026-12-01T10:00:05.999Z');
  });

  it("two messages of a chat in the same second stay in order, also after a restart that reads conv.in", async () => {
    const now = () => second.getTime() + 60_000;
    const at = orderedClientTimes(bed.jsm, now);
    const first = await at('3', second);
    const next = await at('3', second);
    expect(next.getTime()).toBe(first.getTime() + 1);
    await publishJson(bed.js, subjects.convIn('3'), { chatId: '3', messageId: 2, text: 'x', at: next.toISOString(), from: { id: '3' } });
    const afterRestart = orderedClientTimes(bed.jsm, now);
    expect((await afterRestart('3', second)).getTime()).toBe(next.getTime() + 1);
  });
});
