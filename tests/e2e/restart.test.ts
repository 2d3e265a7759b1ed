import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { consumers, streams, subjects } from '@followups/contracts';
import { collect, sleep, waitFor } from '@followups/kit/testing';
import { startAll, startStack, type Stack } from '../support/stack.js';
import { dbNow, SandboxClient, scheduleFollowUp, waitForStatus } from '../support/sandbox-client.js';

describe('restarts, shutdown and bad input through the running stack', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack('e2e_restart');
    await startAll(stack);
  }, 60_000);
  afterAll(async () => stack?.close());

  it('an action due while scheduler and dispatcher are down is delivered exactly once after they return', async () => {
    const client = new SandboxClient(stack.nc);
    const dueAt = new Date((await dbNow(stack.db)).getTime() + 3000);
    const action = await scheduleFollowUp(stack.js, stack.db, client.chatId, dueAt, 'Пока вас не было…');
    expect(await stack.stop('scheduler')).toBe(0);
    expect(await stack.stop('dispatcher')).toBe(0);
    await sleep(5000);
    expect(client.texts()).toEqual([]);
    await Promise.all([stack.start('scheduler'), stack.start('dispatcher')]);
    await client.waitForMessage((t) => t === 'Пока вас не было…', 'the late follow-up');
    await waitForStatus(stack.db, action.id, 'sent');
    await sleep(1500);
    expect(client.texts()).toEqual(['Пока вас не было…']);
    client.stop();
  });

  it('malformed and schema-invalid messages on every consumed subject are dead-lettered, and the stack keeps serving', async () => {
    const dlq = collect<{ reason: string; subject: string }>(stack.nc, 'dlq.>');
    const chat = '424242';
    const consumed = [
      subjects.sandboxClient(chat),
      subjects.sandboxOperator(chat),
      subjects.convIn(chat),
      subjects.convOut(chat),
      subjects.scheduleIntent(chat),
      subjects.scheduleCancel(chat),
      subjects.scheduleDue(chat),
      subjects.agentReply(chat),
      subjects.opsTakeover(chat),
      subjects.opsRelease(chat),
    ];
    for (const subject of consumed) {
      stack.nc.publish(subject, '{"broken": ');
      stack.nc.publish(subject, JSON.stringify({ chatId: 'not-a-chat', text: 42, operator: 7, reason: 9, actionId: 'x' }));
    }
    // conv.in and conv.out each have two consumers (agent + scheduler / scheduler only), so count per subject.
    await waitFor('every bad message dead-lettered', () => consumed.every((s) => dlq.messages.filter((m) => m.data.subject === s).length >= 2), 20_000);
    const reasons = dlq.messages.map((m) => m.data.reason);
    expect(reasons.some((r) => r.startsWith('invalid JSON'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('schema:'))).toBe(true);

    // Still serving: a fresh follow-up goes through end to end.
    const client = new SandboxClient(stack.nc);
    const action = await scheduleFollowUp(stack.js, stack.db, client.chatId, new Date(Date.now() + 500), 'всё ещё работаем');
    await client.waitForMessage((t) => t === 'всё ещё работаем', 'delivery after bad input');
    await waitForStatus(stack.db, action.id, 'sent');
    for (const def of Object.values(consumers)) {
      await waitFor(`${def.durable} to have acknowledged everything`, async () => {
        const info = await stack.jsm.consumers.info(streams[def.stream].name, def.durable);
        return info.num_ack_pending === 0 && info.num_pending === 0;
      });
    }
    dlq.stop();
    client.stop();
  });

  it('SIGTERM under load leaves nothing in sending, and every action is sent exactly once after restart', async () => {
    const client = new SandboxClient(stack.nc);
    const now = await dbNow(stack.db);
    const count = 200;
    await Promise.all(
      Array.from({ length: count }, (_, i) => scheduleFollowUp(stack.js, stack.db, client.chatId, new Date(now.getTime() + 1000), `load ${i}`, `load:${client.chatId}:${i}`)),
    );
    await waitFor('the first deliveries', () => client.delivered.messages.length > 0, 15_000);
    expect(await stack.stop('dispatcher')).toBe(0);
    const { rows } = await sql<{ n: string }>`select count(*) as n from scheduled_actions where chat_id = ${client.chatId} and status = 'sending'`.execute(stack.db);
    expect(Number(rows[0]!.n)).toBe(0);
    await stack.start('dispatcher');
    await waitFor('all sent', async () => {
      const { rows: r } = await sql<{ n: string }>`select count(*) as n from scheduled_actions where chat_id = ${client.chatId} and status = 'sent'`.execute(stack.db);
      return Number(r[0]!.n) === count;
    }, 30_000);
    await sleep(1000);
    const perText = new Map<string, number>();
    for (const t of client.texts()) perText.set(t, (perText.get(t) ?? 0) + 1);
    expect(perText.size).toBe(count);
    expect([...perText.values()].every((n) => n === 1)).toBe(true);
    client.stop();
  });
});
