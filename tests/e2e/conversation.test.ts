import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjects } from '@followups/contracts';
import { sleep, waitFor } from '@followups/kit/testing';
import { startAll, startStack, type Stack } from '../support/stack.js';
import { actionsOf, dbNow, SandboxClient, scheduleFollowUp, waitForStatus } from '../support/sandbox-client.js';

/** The running stack, as processes, through the sandbox transport: what a user of `pnpm start` sees. */
describe('end to end through the running stack', () => {
  let stack: Stack;
  const clients: SandboxClient[] = [];
  const client = () => {
    const c = new SandboxClient(stack.nc);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    stack = await startStack('e2e_conv');
    await startAll(stack);
  }, 60_000);
  afterAll(async () => {
    clients.forEach((c) => c.stop());
    await stack?.close();
  });

  it('"напиши через 2 минуты" is confirmed and scheduled; the next client message cancels it', async () => {
    const ivan = client();
    ivan.say('Спасибо, подумаю. Напиши через 2 минуты');
    const confirmation = await ivan.waitForMessage((t) => t.startsWith('Хорошо'), 'the confirmation');
    expect(confirmation.text).toMatch(/напишу вам/);
    // `find`, not `filter`: an empty array would end the wait before the scheduler stored the row.
    const action = await waitFor('the stored follow-up', async () => (await actionsOf(stack.db, ivan.chatId)).find((a) => a.status === 'pending'));
    expect(action).toBeDefined();
    expect(action.type).toBe('follow_up');
    expect(action.source).toBe('agent');
    expect(action.due_at.getTime() - action.context_at.getTime()).toBe(120_000);

    ivan.say('А вообще, какие есть варианты на март?');
    const cancelled = await waitForStatus(stack.db, action.id, 'cancelled');
    expect(cancelled.cancel_reason).toBe('client_replied');
  });

  it('an intent due in 2 s is delivered once, not before its time', async () => {
    const anna = client();
    const dueAt = new Date((await dbNow(stack.db)).getTime() + 2000);
    const action = await scheduleFollowUp(stack.js, stack.db, anna.chatId, dueAt, 'Как вам варианты, удалось посмотреть?');
    const delivered = await anna.waitForMessage((t) => t.startsWith('Как вам варианты'), 'the follow-up');
    expect(delivered.actionId).toBe(action.id);
    expect(new Date(delivered.at).getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    const sent = await waitForStatus(stack.db, action.id, 'sent');
    expect(sent.attempts).toBe(1);
    await sleep(1500); // a second delivery would come from a redelivery or a second claim by now
    expect(anna.texts().filter((t) => t.startsWith('Как вам варианты'))).toHaveLength(1);
  });

  it('a client message before the due time cancels the follow-up: nothing is delivered', async () => {
    const oleg = client();
    const dueAt = new Date((await dbNow(stack.db)).getTime() + 3000);
    const action = await scheduleFollowUp(stack.js, stack.db, oleg.chatId, dueAt, 'Напоминаю о себе');
    oleg.say('Я тут, давайте обсудим');
    const row = await waitForStatus(stack.db, action.id, 'cancelled');
    expect(row.cancel_reason).toBe('client_replied');
    await sleep(Math.max(0, dueAt.getTime() - Date.now()) + 1500);
    expect(oleg.texts()).not.toContain('Напоминаю о себе');
  });

  it('a bare takeover publish stops the follow-up and silences the agent; after release the agent answers again', async () => {
    const maria = client();
    const action = await scheduleFollowUp(stack.js, stack.db, maria.chatId, new Date(Date.now() + 60_000), 'Как дела?');
    // Exactly what `nats pub ops.takeover.<chat> '{"operator":"anna"}'` sends: a core publish, no headers.
    stack.nc.publish(subjects.opsTakeover(maria.chatId), '{"operator":"anna"}');
    expect((await waitForStatus(stack.db, action.id, 'cancelled')).cancel_reason).toBe('human_takeover');

    maria.say('Напиши через час');
    await sleep(2000); // the agent has processed it by now; under a human it must stay silent
    expect(maria.texts()).toEqual([]);
    expect((await actionsOf(stack.db, maria.chatId)).filter((a) => a.status === 'pending')).toEqual([]);

    stack.nc.publish(subjects.opsRelease(maria.chatId), '');
    await sleep(200);
    maria.say('Напиши через час');
    await maria.waitForMessage((t) => t.startsWith('Хорошо'), 'a confirmation after release');
  });

  it('the same intent published twice stores one action', async () => {
    const petr = client();
    const dueAt = new Date(Date.now() + 600_000);
    await scheduleFollowUp(stack.js, stack.db, petr.chatId, dueAt, 'once', 'same-key');
    await scheduleFollowUp(stack.js, stack.db, petr.chatId, dueAt, 'once', 'same-key');
    await sleep(300);
    expect(await actionsOf(stack.db, petr.chatId)).toHaveLength(1);
  });
});
