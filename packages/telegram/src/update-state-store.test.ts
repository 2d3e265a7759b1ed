import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureStreams } from '@followups/kit';
import { startTestBed, waitFor, type NatsBed } from '@followups/kit/testing';
import { loadUpdateState, saveUpdateState } from './update-state-store.js';

describe('update state store', () => {
  let bed: NatsBed;
  beforeAll(async () => {
    bed = await startTestBed('tgstate', { database: false });
    await ensureStreams(bed.jsm, ['telegram']);
  });
  afterAll(async () => bed?.close());

  it('keeps the last state per account, across a nats-server restart', async () => {
    expect(await loadUpdateState(bed.jsm, 'acc')).toBeNull();
    await saveUpdateState(bed.js, 'acc', { pts: 10, qts: 0, date: 100, seq: 1 });
    await saveUpdateState(bed.js, 'acc', { pts: 12, qts: 1, date: 120, seq: 2 });
    await saveUpdateState(bed.js, 'other', { pts: 99, qts: 0, date: 1, seq: 1 });
    await bed.server.stop();
    await bed.server.start();
    // Asked again until the client has reconnected to the restarted server.
    const after = await waitFor('the state after the restart', () => loadUpdateState(bed.jsm, 'acc').catch(() => undefined), 20_000);
    expect(after).toEqual({ pts: 12, qts: 1, date: 120, seq: 2 });
    expect(await loadUpdateState(bed.jsm, 'other')).toMatchObject({ pts: 99 });
  });
});
