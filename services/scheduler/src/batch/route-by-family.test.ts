import { describe, expect, it } from 'vitest';
import { ack, type Delivery, type Outcome } from '@followups/kit';
import { routeByFamily } from './route-by-family.js';

const delivery = (family: string, streamSeq: number) => ({ family, chatId: '1', payload: {}, subject: `${family}.1`, streamSeq, storedAt: new Date(0), deliveryCount: 1 }) as unknown as Delivery;

describe('routeByFamily', () => {
  it('hands consecutive messages of one family over together, in stream order, and keeps outcomes aligned', async () => {
    const calls: string[] = [];
    const handle = routeByFamily({
      'schedule.intent': async (batch) => {
        calls.push(`intent ${batch.map((d) => d.streamSeq).join(',')}`);
        return batch.map(() => ack);
      },
      'schedule.cancel': async (batch) => {
        calls.push(`cancel ${batch.map((d) => d.streamSeq).join(',')}`);
        return batch.map((): Outcome => ({ kind: 'retry', delayMs: 1, reason: 'later' }));
      },
    });
    const outcomes = await handle([
      delivery('schedule.intent', 1),
      delivery('schedule.intent', 2),
      delivery('schedule.cancel', 3),
      delivery('schedule.intent', 4),
    ]);
    expect(calls).toEqual(['intent 1,2', 'cancel 3', 'intent 4']);
    expect(outcomes.map((o) => o.kind)).toEqual(['ack', 'ack', 'retry', 'ack']);
  });

  it('dead-letters a family nobody routed instead of blocking the consumer', async () => {
    const outcomes = await routeByFamily({})([delivery('conv.in', 1)]);
    expect(outcomes).toEqual([{ kind: 'dead', reason: 'the scheduler does not handle conv.in' }]);
  });
});
