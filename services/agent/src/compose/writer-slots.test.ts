import { describe, expect, it } from 'vitest';
import type { FollowUpWriter } from './claude-writer.js';
import type { ComposeInput } from './compose-request.js';
import { limitWrites } from './writer-slots.js';

const input = { chatId: '1' } as ComposeInput;

/** A writer whose writes end when the test says so. */
function heldWriter() {
  const pending: (() => void)[] = [];
  let running = 0;
  let most = 0;
  const writer: FollowUpWriter = {
    name: 'claude',
    write: () =>
      new Promise<string>((resolve) => {
        most = Math.max(most, ++running);
        pending.push(() => {
          running--;
          resolve('written');
        });
      }),
  };
  return { writer, finishOne: () => pending.shift()?.(), most: () => most, started: () => pending.length };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('limitWrites', () => {
  it('runs at most `slots` writes at once; the next starts when one ends', async () => {
    const held = heldWriter();
    const limited = limitWrites(held.writer, 2);
    const writes = [1, 2, 3].map(() => limited.write(input, AbortSignal.timeout(5000)));
    await tick();
    expect(held.started()).toBe(2);
    held.finishOne();
    await tick();
    expect(held.started()).toBe(2);
    held.finishOne();
    held.finishOne();
    expect(await Promise.all(writes)).toEqual(['written', 'written', 'written']);
    expect(held.most()).toBe(2);
  });

  it('a write still waiting when its signal ends fails without ever starting, and frees no slot it never had', async () => {
    const held = heldWriter();
    const limited = limitWrites(held.writer, 1);
    const first = limited.write(input, AbortSignal.timeout(5000));
    const late = limited.write(input, AbortSignal.timeout(20));
    await expect(late).rejects.toThrow();
    const third = limited.write(input, AbortSignal.timeout(5000));
    await tick();
    expect(held.started()).toBe(1);
    held.finishOne();
    await tick();
    held.finishOne();
    expect(await Promise.all([first, third])).toEqual(['written', 'written']);
    expect(held.most()).toBe(1);
  });
});
