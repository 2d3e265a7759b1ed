import { describe, expect, it } from 'vitest';
import { testLogger, waitFor } from '@followups/kit/testing';
import { startTicker } from './ticker.js';

const log = testLogger();

describe('startTicker', () => {
  it('runs a pass at start-up and stop() waits for the pass in flight', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    const ticker = startTicker('* * * * * *', async () => {
      calls++;
      await gate;
    }, log);
    expect(calls).toBe(1);

    let stopped = false;
    const stopping = ticker.stop().then(() => (stopped = true));
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(calls).toBe(1);
  });

  it('keeps ticking after a pass fails', async () => {
    let calls = 0;
    const ticker = startTicker('* * * * * *', async () => {
      if (++calls === 1) throw new Error('Postgres went away');
    }, log);
    await waitFor('a pass after the failed one', () => calls >= 2);
    await ticker.stop();
  });
});
