import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opsAttentionSchema, streams, subjects, type OpsAttention } from '@followups/contracts';
import { collect, sleep, waitFor, type Collected } from '@followups/kit/testing';
import { addDays, localParts, zonedTimeToInstant } from '@followups/when';
import { run, type Io } from '@followups/cli';
import { startAll, startStack, type Stack } from '../support/stack.js';
import { actionsOf, SandboxClient, waitForStatus } from '../support/sandbox-client.js';

/**
 * What the agent makes of ordinary client messages, through the running stack (`pnpm start`'s
 * processes, the sandbox transport, the rule brain): every message ends in something visible.
 */
describe('end to end: the agent understands what clients write', () => {
  let stack: Stack;
  let attention: Collected<OpsAttention>;
  const clients: SandboxClient[] = [];
  const client = () => {
    const c = new SandboxClient(stack.nc);
    clients.push(c);
    return c;
  };
  /** The operator's CLI, in-process, against the stack's NATS and database. */
  const cli = async (argv: string[]) => {
    const text = { out: '', err: '' };
    const io: Io = { stdout: { write: (s: string) => (text.out += s) }, stderr: { write: (s: string) => (text.err += s) }, env: { ...stack.env, LOG_LEVEL: 'silent' }, clock: () => new Date() };
    const code = await run(argv, io);
    return { code, ...text };
  };

  beforeAll(async () => {
    stack = await startStack('e2e_understand');
    await startAll(stack);
    attention = collect<OpsAttention>(stack.nc, 'ops.attention.>');
  }, 60_000);
  afterAll(async () => {
    attention?.stop();
    clients.forEach((c) => c.stop());
    await stack?.close();
  });

  it('a reply that is only a time replaces the follow-up it cancelled: the client never ends up with nothing', async () => {
    const ivan = client();
    ivan.say('Спасибо, подумаю. Напиши через 2 минуты');
    await ivan.waitForMessage((t) => t.startsWith('Хорошо, напишу'), 'the first confirmation');
    const first = await waitFor('the first follow-up', async () => (await actionsOf(stack.db, ivan.chatId)).find((a) => a.status === 'pending'));

    ivan.say('давайте лучше через недельку');
    expect((await waitForStatus(stack.db, first.id, 'cancelled')).cancel_reason).toBe('client_replied');
    const second = await waitFor('the replacement', async () => (await actionsOf(stack.db, ivan.chatId)).find((a) => a.id !== first.id && a.status === 'pending'));
    await ivan.waitForMessage((t) => /^Хорошо, напишу вам во? [а-я]+, \d+ /.test(t), 'the second confirmation');
    // A week later at 10:00 in the team's zone (Asia/Makassar): a calendar week, not 168 hours.
    const local = localParts(second.due_at, 'Asia/Makassar');
    expect([local.hour, local.minute]).toEqual([10, 0]);
    expect(second.due_at.getTime() - Date.now()).toBeGreaterThan(6 * 86_400_000);
    expect(second.type).toBe('follow_up');
  });

  it('an opt-out is answered once; a follow-up an operator schedules afterwards is refused as opted_out', async () => {
    const olga = client();
    olga.say('не пишите мне больше');
    await olga.waitForMessage((t) => t.startsWith('Понял, больше не будем вам писать'), 'the goodbye');

    const created = await cli(['schedule', 'create', olga.chatId, '2s', 'Есть новые варианты!']);
    expect(created.code).toBe(0);
    const row = await waitFor('the CLI follow-up', async () => (await actionsOf(stack.db, olga.chatId)).find((a) => a.source === 'cli'));
    expect((await waitForStatus(stack.db, row.id, 'cancelled')).cancel_reason).toBe('opted_out');
    expect(olga.texts()).toHaveLength(1); // the goodbye, nothing else

    expect((await cli(['optout', 'clear', olga.chatId])).code).toBe(0);
    await cli(['schedule', 'create', olga.chatId, '2s', 'Снова на связи']);
    await olga.waitForMessage((t) => t === 'Снова на связи', 'a follow-up after the operator cleared the mark');
  });

  it('a question is handed to a human on ops.attention, kept in the ATTENTION stream, listed by the CLI', async () => {
    const petr = client();
    petr.say('а сколько стоит?');
    await petr.waitForMessage((t) => t.startsWith('Хороший вопрос'), 'the holding reply');
    const item = await waitFor('the hand-off', () => attention.messages.find((m) => m.subject === subjects.opsAttention(petr.chatId)));
    expect(opsAttentionSchema.parse(item.data)).toMatchObject({ chatId: petr.chatId, reason: 'question', text: 'а сколько стоит?', by: 'agent' });
    expect(await stack.jsm.streams.getMessage(streams.attention.name, { last_by_subj: subjects.opsAttention(petr.chatId) })).toBeTruthy();

    const listed = await cli(['attention', '--json', '--chat', petr.chatId]);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.out)).toMatchObject([{ chatId: petr.chatId, reason: 'question', open: true }]);
  });

  it('"я в Москве, напишите завтра в 10" schedules 10:00 Moscow time (07:00 UTC) and says so', async () => {
    const anna = client();
    anna.say('я в Москве, напишите завтра в 10');
    const confirmation = await anna.waitForMessage((t) => t.startsWith('Хорошо'), 'the confirmation');
    expect(confirmation.text).toBe('Хорошо, напишу вам завтра в 10:00 по московскому времени');
    const row = await waitFor('the follow-up', async () => (await actionsOf(stack.db, anna.chatId)).find((a) => a.status === 'pending'));
    const tomorrowInMoscow = addDays(localParts(new Date(), 'Europe/Moscow'), 1);
    expect(row.due_at.toISOString()).toBe(zonedTimeToInstant(tomorrowInMoscow, { hour: 10, minute: 0 }, 'Europe/Moscow').toISOString());
    expect(row.due_at.getUTCHours()).toBe(7);
    expect(row.time_zone).toBe('Europe/Moscow');
  });

  it('a call asked for at a time reaches the operators at that time, not the client', async () => {
    const oleg = client();
    oleg.say('наберите меня через 3 секунды');
    await oleg.waitForMessage((t) => t.startsWith('Хорошо, наберём вам'), 'the call confirmation');
    const due = await waitFor('the call hand-off', () => attention.messages.find((m) => m.subject === subjects.opsAttention(oleg.chatId) && m.data.reason === 'call_due'), 20_000);
    expect(due.data).toMatchObject({ by: 'dispatcher', text: 'наберите меня через 3 секунды' });
    await sleep(500);
    expect(oleg.texts()).toHaveLength(1); // the confirmation; the call itself is the team's
  });
});
