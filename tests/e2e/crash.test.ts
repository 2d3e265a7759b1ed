import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { streams, subjects, type SandboxDelivered, type ScheduleIntentInput } from '@followups/contracts';
import { publishJson } from '@followups/kit';
import { sleep, waitFor } from '@followups/kit/testing';
import { startStack, type Stack } from '../support/stack.js';
import { dbNow, newChatId, SandboxClient, scheduleFollowUp, waitForStatus } from '../support/sandbox-client.js';

// Short leases so a crashed process's claims and sends are taken over within seconds. A due
// event the killed dispatcher had pulled comes back after the consumer's 30 s ack wait.
const LEASES = { CLAIM_LEASE_MS: '2000', SENDING_LEASE_MS: '2000' };

/** What the sandbox client received, from the stream itself. */
async function deliveredTexts(stack: Stack): Promise<string[]> {
  const info = await stack.jsm.streams.info(streams.sandboxDelivered.name);
  const texts: string[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const m = await stack.jsm.streams.getMessage(streams.sandboxDelivered.name, { seq });
    if (m) texts.push(m.json<SandboxDelivered>().text);
  }
  return texts;
}

async function countCrashRows(stack: Stack, statuses: string[]): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from scheduled_actions
     where idempotency_key like 'crash:%' and status = any(${statuses})`.execute(stack.db);
  return Number(rows[0]!.n);
}

describe('crashes and outages through the running stack', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack('e2e_crash', LEASES);
    await stack.start('scheduler');
    await stack.start('dispatcher');
  }, 60_000);
  afterAll(async () => stack?.close());

  it('a scheduler and a dispatcher killed mid-load lose nothing and send nothing twice', async () => {
    const chats = Array.from({ length: 20 }, () => newChatId());
    const count = 1000;
    const dueAt = new Date((await dbNow(stack.db)).getTime() + 2000).toISOString();
    await Promise.all(
      Array.from({ length: count }, (_, i) => {
        const chatId = chats[i % chats.length]!;
        const intent: ScheduleIntentInput = { chatId, action: { type: 'follow_up', payload: { text: `crash ${i}` } }, dueAt, idempotencyKey: `crash:${i}` };
        return publishJson(stack.js, subjects.scheduleIntent(chatId), intent);
      }),
    );
    await waitFor('all intents stored', async () => (await countCrashRows(stack, ['pending', 'claimed', 'sending', 'sent'])) === count, 20_000);
    const delivered = async () => (await stack.jsm.streams.info(streams.sandboxDelivered.name)).state.messages;
    await waitFor('the first deliveries', async () => (await delivered()) >= 20, 15_000);
    // No clean stop: whatever each held (claims not yet published, sends under way) is abandoned.
    await Promise.all([stack.stop('dispatcher', 'SIGKILL'), stack.stop('scheduler', 'SIGKILL')]);
    expect(await delivered()).toBeLessThan(count); // killed mid-load, not after the work was done

    await stack.start('scheduler');
    await stack.start('dispatcher');
    await waitFor(
      'every action sent',
      async () => (await countCrashRows(stack, ['sent'])) === count,
      60_000,
      250,
    );
    const texts = (await deliveredTexts(stack)).filter((t) => t.startsWith('crash '));
    expect(texts).toHaveLength(count);
    expect(new Set(texts).size).toBe(count);
  }, 90_000);

  it('a NATS outage while a follow-up falls due delays it, and it is still delivered exactly once', async () => {
    const client = new SandboxClient(stack.nc);
    const action = await scheduleFollowUp(stack.js, stack.db, client.chatId, new Date((await dbNow(stack.db)).getTime() + 1500), 'после перерыва');
    await stack.natsServer.stop();
    await sleep(3000); // due while NATS is down: the scheduler cannot publish it
    await stack.natsServer.start();
    await waitForStatus(stack.db, action.id, 'sent', 30_000);
    await client.waitForMessage((t) => t === 'после перерыва', 'the delivery after the outage', 15_000);
    await sleep(1000);
    expect(client.texts()).toEqual(['после перерыва']);
    client.stop();
  }, 60_000);
});
