import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Outcome } from '@followups/kit';
import { createDueTimer, type DueDelivery } from './due-timer.js';
const due = (i: number) => ({ family: 'schedule.due', chatId: String(i), payload: { actionId: `a${i}` } }) as unknown as DueDelivery;
const ack: Outcome = { kind: 'ack' };

describe('createDueTimer', () => {
  afterEach(() => vi.useRealTimers());

  it('releases what is due at one instant together, at that instant, in batches of 1,000', async () => {
    vi.useFakeTimers();
    const batches: number[] = [];
    const timer = createDueTimer(async (batch) => (batches.push(batch.length), batch.map(() => ack)));
    const now = Date.now();
    const held = Array.from({ length: 2500 }, (_, i) => timer.hold(due(i), now + 1000, now));
    const later = timer.hold(due(9999), now + 1500, now);
    expect(timer.size()).toBe(2501);
    await vi.advanceTimersByTimeAsync(999);
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([1000, 1000, 500]);
    expect(await Promise.all(held)).toHaveLength(2500);
    expect(timer.size()).toBe(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(await later).toEqual(ack);
    expect(batches).toEqual([1000, 1000, 500, 1]);
  });

  it('a failed batch is retried later; a stopping dispatcher hands everything held back at once', async () => {
    vi.useFakeTimers();
    const timer = createDueTimer(async () => Promise.reject(new Error('Postgres down')));
    const now = Date.now();
    const failed = timer.hold(due(1), now + 10, now);
    await vi.advanceTimersByTimeAsync(10);
    expect(await failed).toMatchObject({ kind: 'retry', delayMs: 1000 });

    const held = timer.hold(due(2), now + 60_000, now);
    timer.release();
    expect(await held).toEqual({ kind: 'retry', delayMs: 0, reason: 'dispatcher stopping' });
    expect(await timer.hold(due(3), now + 5, now)).toMatchObject({ kind: 'retry', delayMs: 0 });
    expect(timer.size()).toBe(0);
  });
});
