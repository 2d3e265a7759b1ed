import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Subscription } from '@nats-io/nats-core';
import type { ComposeRequest } from '@followups/contracts';
import { startTestBed, type NatsBed } from '@followups/kit/testing';
import { askAgent } from './ask-agent.js';

/** The dispatcher's side of agent.compose against a real nats-server, with stand-in agents. */
describe('askAgent', () => {
  let bed: NatsBed;
  beforeAll(async () => {
    bed = await startTestBed('ask_agent', { database: false });
  });
  afterAll(async () => bed?.close());

  const request = (chatId: string): ComposeRequest => ({ actionId: randomUUID(), chatId, dueAt: '2026-11-20T18:00:00.000Z', fallback: 'Добрый день!', reason: '' });
  /** An agent that answers every request on the chat with `answer` (nothing: it never answers). */
  async function agent(chatId: string, answer?: (body: ComposeRequest) => string): Promise<Subscription> {
    const sub = bed.nc.subscribe(`agent.compose.${chatId}`, { queue: 'agent', callback: (_e, m) => void (answer && m.respond(answer(m.json()))) });
    await bed.nc.flush();
    return sub;
  }

  it('returns a valid reply, having sent the request as JSON on agent.compose.<chat>', async () => {
    const seen: ComposeRequest[] = [];
    const sub = await agent('1', (body) => (seen.push(body), JSON.stringify({ text: '  Добрый вечер!  ', by: 'claude' })));
    const r = request('1');
    expect(await askAgent(bed.nc, r, 1000)).toEqual({ ok: true, reply: { text: 'Добрый вечер!', by: 'claude' } });
    expect(seen).toEqual([r]);
    sub.unsubscribe();
  });

  it('no agent serving: a reason at once, not after the timeout', async () => {
    const started = Date.now();
    expect(await askAgent(bed.nc, request('2'), 5000)).toEqual({ ok: false, reason: 'no agent serves compose requests' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('an agent that never answers: a reason after the timeout', async () => {
    const sub = await agent('3');
    const started = Date.now();
    expect(await askAgent(bed.nc, request('3'), 300)).toEqual({ ok: false, reason: 'no answer within 300 ms' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    sub.unsubscribe();
  });

  it("the agent's error, an invalid reply and a reply that is not JSON: reasons, never a throw", async () => {
    const replies = [JSON.stringify({ error: 'invalid compose request: not JSON' }), JSON.stringify({ text: '', by: 'claude' }), JSON.stringify({ text: 'x', by: 'me' }), 'oops', 'null'];
    const sub = await agent('4', () => replies.shift()!);
    expect(await askAgent(bed.nc, request('4'), 1000)).toEqual({ ok: false, reason: 'the agent answered: invalid compose request: not JSON' });
    expect(await askAgent(bed.nc, request('4'), 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid reply: text: /) });
    expect(await askAgent(bed.nc, request('4'), 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid reply: by: /) });
    expect(await askAgent(bed.nc, request('4'), 1000)).toMatchObject({ ok: false, reason: expect.any(String) });
    expect(await askAgent(bed.nc, request('4'), 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid reply: /) });
    sub.unsubscribe();
  });
});
