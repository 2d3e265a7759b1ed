import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureStreams } from '@followups/kit';
import { startTestBed, testLogger, waitFor, type NatsBed } from '@followups/kit/testing';
import { startSessionLease, type SessionLease } from './session-lease.js';

/** Two gateway replicas contending for one account's session, on a real nats-server. */
describe('session lease', () => {
  let bed: NatsBed;
  const log = testLogger('lease');
  beforeAll(async () => {
    bed = await startTestBed('lease', { database: false });
    await ensureStreams(bed.jsm, ['leases']);
  });
  afterAll(async () => bed?.close());

  const lease = (account: string, owner: string, events: string[]) =>
    startSessionLease({ js: bed.js, jsm: bed.jsm, account, owner, ttlMs: 600, log, onAcquired: () => events.push(`${owner} acquired`), onLost: (r) => events.push(`${owner} lost: ${r}`) });

  /** Samples both every 10 ms while `during` runs: two holders at once must never be seen. */
  async function neverBoth(a: SessionLease, b: SessionLease, during: Promise<unknown>): Promise<number> {
    let both = 0;
    let done = false;
    void during.finally(() => (done = true));
    while (!done) {
      if (a.holding() && b.holding()) both++;
      await new Promise((r) => setTimeout(r, 10));
    }
    return both;
  }

  it('one holder at a time; a standby takes over when the holder dies, after the lease', async () => {
    const events: string[] = [];
    const a = await lease('acc1', 'gateway-a', events);
    const b = await lease('acc1', 'gateway-b', events);
    expect([a.holding(), b.holding()]).toEqual([true, false]);

    // The holder stops renewing without a word, as a killed process does.
    const crashedAt = Date.now();
    const takeover = (async () => {
      await a.stop({ release: false });
      await waitFor('the standby to take over', () => b.holding(), 5000);
    })();
    expect(await neverBoth(a, b, takeover)).toBe(0);
    expect(Date.now() - crashedAt).toBeGreaterThanOrEqual(600); // not before the dead holder's lease ran out
    expect(events).toContain('gateway-b acquired');
    await b.stop();
  });

  it('a holder that stops hands over at once', async () => {
    const events: string[] = [];
    const a = await lease('acc2', 'gateway-a', events);
    const b = await lease('acc2', 'gateway-b', events);
    const started = Date.now();
    await a.stop();
    await waitFor('the standby to take over', () => b.holding(), 5000);
    expect(Date.now() - started).toBeLessThan(600); // well within a lease: the record said "released"
    expect(events).toEqual(['gateway-a acquired', 'gateway-a lost: stopped', 'gateway-b acquired']);
    await b.stop();
  });
});
