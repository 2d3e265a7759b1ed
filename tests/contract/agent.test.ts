import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from '@nats-io/transport-node';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { Kysely } from 'kysely';
import { consumers, scheduleIntentSchema, streams, subjects, type ConvIn } from '@followups/contracts';
import { actionMigrations, getChat, insertActions, type ActionsDB } from '@followups/actions';
import { connectDatabase, migrateToLatest, readTakeoverState } from '@followups/kit';
import { startTestBed, testLogger, waitFor, type TestBed } from '@followups/kit/testing';
import { createRuleBrain, loadConfig, startAgent, type AgentConfig, type AgentDB, type Brain, type BrainInput, type RunningAgent } from '@followups/agent';

/**
 * The agent through its subjects: conv.in in (published as the gateway does), schedule.intent
 * and agent.reply out, on a private nats-server and database.
 */

const log = testLogger('agent');
/** Wednesday 2026-11-18 15:20 in Asia/Makassar: every expectation is computed from this `at`. */
const AT = new Date('2026-11-18T07:20:00.000Z');
/** The agent's clock, a few seconds after the client wrote. */
const NOW = new Date('2026-11-18T07:20:05.000Z');

let bed: TestBed | undefined;
let nc: NatsConnection;
let js: JetStreamClient;
let jsm: JetStreamManager;
let db: Kysely<AgentDB>;
let store: Kysely<ActionsDB>;
let config: Readonly<AgentConfig>;
let agent: RunningAgent | undefined;

/** What the agent published, in the order it reached us (one connection keeps the order). */
const events: { subject: string; data: Record<string, unknown> }[] = [];
/** What the brain was asked, to see the history it got. */
const brainInputs: BrainInput[] = [];
const rule = createRuleBrain({ defaultHour: 10 });
const recordingBrain: Brain = {
  name: 'rule',
  decide: (input) => {
    brainInputs.push(input);
    return rule.decide(input);
  },
};

const start = async () => {
  agent = await startAgent({ config, log, clock: () => NOW, brain: recordingBrain });
};

beforeAll(async () => {
  bed = await startTestBed('agent');
  ({ nc, js, jsm } = bed);
  config = loadConfig({ NATS_URL: bed.server.url, DATABASE_URL: bed.databaseUrl, LOG_LEVEL: 'silent', INSTANCE_ID: 'agent-test' });
  // The scheduler owns the shared schema; the agent waits for it.
  store = await connectDatabase<ActionsDB>(bed.databaseUrl, log);
  await migrateToLatest(store, actionMigrations, 'actions', log);
  await start();
  for (const subject of ['schedule.intent.>', 'schedule.cancel.>', 'agent.reply.>', 'ops.attention.>', 'dlq.conv.in.>']) {
    nc.subscribe(subject, {
      callback: (_e, m) => {
        events.push({ subject: m.subject, data: m.json() });
      },
    });
  }
  await nc.flush();
  db = await connectDatabase<AgentDB>(bed.databaseUrl, log);
});

afterAll(async () => {
  await agent?.stop();
  await db?.destroy();
  await store?.destroy();
  await bed?.close();
});

let publishCount = 0;
/** A client message, as the gateway publishes it; each publish has its own JetStream msg id. */
async function clientSays(chatId: string, messageId: number, text: string, at = AT): Promise<ConvIn> {
  const payload: ConvIn = { chatId, messageId, text, at: at.toISOString(), from: { id: chatId, name: 'Client' } };
  await js.publish(subjects.convIn(chatId), JSON.stringify(payload), { msgID: `gateway-test:${++publishCount}` });
  return payload;
}

const published = (family: 'schedule.intent' | 'schedule.cancel' | 'agent.reply' | 'ops.attention' | 'dlq.conv.in', chatId: string) =>
  events.filter((e) => e.subject === `${family}.${chatId}`).map((e) => e.data);

/** Every conv.in delivered and acknowledged: the agent is done with everything sent so far. */
const idle = () =>
  waitFor('the agent to acknowledge every conv.in', async () => {
    const info = await jsm.consumers.info(streams.conv.name, consumers.agentConvIn.durable);
    return info.num_pending === 0 && info.num_ack_pending === 0;
  });

const rows = (chatId: string) => db.selectFrom('agent_messages').selectAll().where('chat_id', '=', chatId).orderBy('id').execute();

/** The Nats-Msg-Id the last message on a subject was stored with. */
async function storedMsgId(stream: string, subject: string): Promise<string | undefined> {
  const m = await jsm.streams.getMessage(stream, { last_by_subj: subject });
  return m?.header?.get('Nats-Msg-Id');
}

describe('agent', () => {
  it('schedules "напиши через 2 минуты" for the message\'s at + 2 min and confirms in Russian, in Asia/Makassar', async () => {
    const sent = await clientSays('1001', 1, '  Напиши через 2 минуты, пожалуйста  ');
    const [reply] = await waitFor('the confirmation', () => published('agent.reply', '1001').length > 0 && published('agent.reply', '1001'));
    const intents = published('schedule.intent', '1001');
    expect(intents).toHaveLength(1);
    const intent = scheduleIntentSchema.parse(intents[0]);
    expect(intents[0]).not.toHaveProperty('cancelOn'); // the follow-up default: client reply and takeover
    expect(intent).toMatchObject({
      chatId: '1001',
      action: { type: 'follow_up', payload: { text: 'Добрый день! Вы просили написать — удобно сейчас продолжить?' } },
      dueAt: new Date(AT.getTime() + 2 * 60_000).toISOString(),
      contextAt: sent.at,
      timeZone: 'Asia/Makassar',
      source: 'agent',
      reason: 'Напиши через 2 минуты, пожалуйста',
      idempotencyKey: 'agent:1001:1:0',
    });
    expect(reply).toEqual({ chatId: '1001', text: 'Хорошо, напишу вам сегодня в 15:22', inReplyTo: 1, part: 0 });
    // The intent is stored before the confirmation goes out, each with its idempotent message id.
    const order = events.filter((e) => e.subject.endsWith('.1001')).map((e) => e.subject);
    expect(order).toEqual(['schedule.cancel.1001', 'schedule.intent.1001', 'agent.reply.1001']);
    expect(await storedMsgId(streams.schedule.name, subjects.scheduleIntent('1001'))).toBe('agent:1001:1:0');
    expect(await storedMsgId(streams.dispatch.name, subjects.agentReply('1001'))).toBe('reply:1001:1:0');

    await waitFor('the history', async () => (await rows('1001')).length === 2);
    const history = await rows('1001');
    expect(history.map((r) => [r.role, r.message_id, r.text])).toEqual([
      ['client', '1', '  Напиши через 2 минуты, пожалуйста  '],
      ['bot', '1', 'Хорошо, напишу вам сегодня в 15:22'],
    ]);
    expect(history[1]?.at).toEqual(NOW); // the injected clock
  });

  it('names weekday and date for a later day', async () => {
    await clientSays('1002', 1, 'свяжитесь со мной в пятницу');
    await waitFor('the confirmation', () => published('agent.reply', '1002').length > 0);
    expect(published('agent.reply', '1002')[0]?.text).toBe('Хорошо, напишу вам в пятницу, 20 ноября, в 10:00');
    expect(published('schedule.intent', '1002')[0]?.dueAt).toBe('2026-11-20T02:00:00.000Z');
  });

  it('answers an English request in English', async () => {
    await clientSays('1003', 4, 'Could you ping me tomorrow morning?');
    await waitFor('the confirmation', () => published('agent.reply', '1003').length > 0);
    expect(published('agent.reply', '1003')).toEqual([{ chatId: '1003', text: "Sure, I'll write to you tomorrow at 10:00", inReplyTo: 4, part: 0 }]);
    expect(published('schedule.intent', '1003')).toMatchObject([
      { dueAt: '2026-11-19T02:00:00.000Z', action: { payload: { text: 'Hi! You asked me to get back to you — is now a good time to continue?' } } },
    ]);
  });

  it('asks when if no time is given, and the answer schedules', async () => {
    await clientSays('1004', 3, 'напишите попозже');
    await waitFor('the question', () => published('agent.reply', '1004').length > 0);
    expect(published('agent.reply', '1004')[0]?.text).toBe('Когда вам удобно, чтобы я написал?');
    await clientSays('1004', 4, 'завтра вечером', new Date(AT.getTime() + 60_000));
    await waitFor('the confirmation', () => published('agent.reply', '1004').length > 1);
    expect(published('agent.reply', '1004')[1]?.text).toBe('Хорошо, напишу вам завтра в 19:00');
    expect(published('schedule.intent', '1004')).toMatchObject([{ dueAt: '2026-11-19T11:00:00.000Z', idempotencyKey: 'agent:1004:4:0' }]);
  });

  it('is silenced by a bare core takeover publish and answers again after release', async () => {
    nc.publish(subjects.opsTakeover('1005'), '');
    await waitFor('the takeover to be stored', async () => (await readTakeoverState(jsm, '1005')).underHuman);
    await clientSays('1005', 1, 'напиши через 2 часа');
    await idle();
    await waitFor('the message stored and handled', async () => (await rows('1005')).some((r) => r.handled_at));
    expect(published('agent.reply', '1005')).toEqual([]);
    expect(published('schedule.intent', '1005')).toEqual([]);

    nc.publish(subjects.opsRelease('1005'), '');
    await waitFor('the release to be stored', async () => !(await readTakeoverState(jsm, '1005')).underHuman);
    await clientSays('1005', 2, 'напиши через 2 часа');
    await waitFor('the confirmation', () => published('agent.reply', '1005').length > 0);
    expect(published('agent.reply', '1005')).toMatchObject([{ text: 'Хорошо, напишу вам сегодня в 17:20', inReplyTo: 2 }]);
    expect(published('schedule.intent', '1005')).toMatchObject([{ idempotencyKey: 'agent:1005:2:0' }]);
  });

  it('stores a redelivered conv.in once and schedules it once', async () => {
    const asked = () => brainInputs.filter((i) => i.chatId === '1006').length;
    await clientSays('1006', 9, 'напомни через 3 дня');
    await clientSays('1006', 9, 'напомни через 3 дня'); // same message, another JetStream message id
    await waitFor('the confirmation', () => published('agent.reply', '1006').length > 0);
    await idle();
    const conv = await jsm.streams.info(streams.conv.name, { subjects_filter: subjects.convIn('1006') });
    expect(conv.state.subjects?.[subjects.convIn('1006')]).toBe(2); // both copies were really delivered
    expect((await rows('1006')).filter((r) => r.role === 'client')).toHaveLength(1);
    expect(published('schedule.intent', '1006')).toHaveLength(1);
    expect(published('agent.reply', '1006')).toHaveLength(1);
    const schedule = await jsm.streams.info(streams.schedule.name, { subjects_filter: subjects.scheduleIntent('1006') });
    expect(schedule.state.subjects?.[subjects.scheduleIntent('1006')]).toBe(1);
    expect(asked()).toBe(1);
  });

  it('dead-letters malformed JSON and a schema-invalid conv.in with the reason, acknowledges them, and keeps serving', async () => {
    await js.publish(subjects.convIn('1007'), '{oops', { msgID: 'bad-json' });
    await js.publish(subjects.convIn('1007'), JSON.stringify({ chatId: '1007', text: 'no id, no at' }), { msgID: 'bad-schema' });
    await waitFor('two dead letters', () => published('dlq.conv.in', '1007').length === 2);
    const [badJson, badSchema] = published('dlq.conv.in', '1007');
    expect(badJson).toMatchObject({ subject: 'conv.in.1007', service: 'agent', consumer: 'agent-conv-in', data: '{oops' });
    expect(String(badJson?.reason)).toMatch(/^invalid JSON/);
    expect(String(badSchema?.reason)).toMatch(/^schema: .*messageId/);
    await idle();

    await clientSays('1007', 1, 'напиши через 2 минуты');
    await waitFor('a reply after the bad messages', () => published('agent.reply', '1007').length > 0);
  });

  it('keeps the history across a restart and gives it to the brain', async () => {
    await clientSays('1008', 1, 'напиши через 2 часа');
    await waitFor('the confirmation', () => published('agent.reply', '1008').length > 0);
    await waitFor('the history', async () => (await rows('1008')).length === 2);

    await agent!.stop();
    await agent!.stop(); // idempotent
    expect((await rows('1008')).map((r) => r.role)).toEqual(['client', 'bot']);
    await start();
    expect((await rows('1008')).map((r) => r.role)).toEqual(['client', 'bot']);

    await clientSays('1008', 2, 'хотя лучше напишите завтра', new Date(AT.getTime() + 60_000));
    await waitFor('the second confirmation', () => published('agent.reply', '1008').length > 1);
    expect(published('agent.reply', '1008')[1]?.text).toBe('Хорошо, напишу вам завтра в 10:00');
    const input = brainInputs.find((i) => i.chatId === '1008' && i.message.messageId === 2);
    expect(input?.history.map((h) => [h.role, h.text])).toEqual([
      ['client', 'напиши через 2 часа'],
      ['bot', 'Хорошо, напишу вам сегодня в 17:20'],
    ]);
    expect(input).toMatchObject({ timeZone: 'Asia/Makassar', language: 'ru', now: NOW });
  });
});

describe('agent: every message ends in something visible', () => {
  it.each([
    ['1101', 'давайте через недельку', '2026-11-25T02:00:00.000Z', 'Хорошо, напишу вам в среду, 25 ноября, в 10:00'],
    ['1102', 'можно через пару дней?', '2026-11-20T02:00:00.000Z', 'Хорошо, напишу вам в пятницу, 20 ноября, в 10:00'],
    ['1103', 'next week then', '2026-11-23T02:00:00.000Z', "Sure, I'll write to you on Monday, 23 November at 10:00"],
  ])('chat %s: a reply that is only a time, "%s", schedules a follow-up and confirms it', async (chatId, text, dueAt, confirmation) => {
    await clientSays(chatId, 1, text);
    await waitFor('the confirmation', () => published('agent.reply', chatId).length > 0);
    expect(published('schedule.intent', chatId)).toMatchObject([{ dueAt, action: { type: 'follow_up' } }]);
    // What came before this message is replaced, never what it schedules.
    expect(published('schedule.cancel', chatId)).toEqual([{ reason: 'rescheduled', types: ['follow_up'], before: AT.toISOString(), by: 'agent' }]);
    expect(published('agent.reply', chatId)[0]?.text).toBe(confirmation);
  });

  it('an opt-out cancels everything, marks the chat, says goodbye once; the next message goes to a human', async () => {
    await clientSays('1110', 1, 'Не пишите мне больше, пожалуйста');
    await waitFor('the goodbye', () => published('agent.reply', '1110').length > 0);
    expect(published('schedule.cancel', '1110')).toEqual([{ reason: 'client_opted_out', by: 'agent' }]);
    expect(published('agent.reply', '1110')[0]?.text).toMatch(/^Понял, больше не будем вам писать/);
    expect(await getChat(store, '1110')).toMatchObject({ optedOut: { at: AT, by: 'client', messageId: 1 } });

    await clientSays('1110', 2, 'напишите мне завтра', new Date(AT.getTime() + 60_000));
    await waitFor('the hand-off', () => published('ops.attention', '1110').length > 0);
    expect(published('ops.attention', '1110')[0]).toMatchObject({ reason: 'opted_out_client_wrote', messageId: 2, text: 'напишите мне завтра' });
    expect(String(published('ops.attention', '1110')[0]?.suggested)).toContain('followups optout clear 1110');
    await idle();
    expect(published('schedule.intent', '1110')).toEqual([]);
    expect(published('agent.reply', '1110')).toHaveLength(1);
  });

  it('an English "stop" opts out too', async () => {
    await clientSays('1111', 1, 'STOP');
    await waitFor('the goodbye', () => published('agent.reply', '1111').length > 0);
    expect(published('agent.reply', '1111')[0]?.text).toMatch(/^Understood/);
    expect((await getChat(store, '1111')).optedOut).not.toBeNull();
  });

  it('a question is handed to a human on ops.attention, and the client is told', async () => {
    const sent = await clientSays('1120', 1, 'а сколько стоит?');
    await waitFor('the hand-off', () => published('ops.attention', '1120').length > 0);
    expect(published('ops.attention', '1120')).toEqual([
      { chatId: '1120', reason: 'question', text: 'а сколько стоит?', at: sent.at, messageId: 1, by: 'agent', contact: { name: 'Client' } },
    ]);
    expect(await storedMsgId(streams.attention.name, subjects.opsAttention('1120'))).toBe('attention:1120:1');
    await waitFor('the reply', () => published('agent.reply', '1120').length > 0);
    expect(published('agent.reply', '1120')[0]?.text).toMatch(/^Хороший вопрос/);
  });

  it('a call request becomes a call for the team, confirmed as a call', async () => {
    await clientSays('1130', 1, 'наберите завтра в 11');
    await waitFor('the confirmation', () => published('agent.reply', '1130').length > 0);
    expect(published('schedule.intent', '1130')).toMatchObject([
      { dueAt: '2026-11-19T03:00:00.000Z', action: { type: 'call', payload: { note: 'наберите завтра в 11', contact: { name: 'Client' } } } },
    ]);
    expect(published('agent.reply', '1130')[0]?.text).toBe('Хорошо, наберём вам завтра в 11:00');
  });

  it('learns the zone from the message, reads the time in it, names it, and keeps it for the next message', async () => {
    await clientSays('1140', 1, 'я в Москве, напишите завтра в 10');
    await waitFor('the confirmation', () => published('agent.reply', '1140').length > 0);
    expect(published('schedule.intent', '1140')).toMatchObject([{ dueAt: '2026-11-19T07:00:00.000Z', timeZone: 'Europe/Moscow' }]);
    expect(published('agent.reply', '1140')[0]?.text).toBe('Хорошо, напишу вам завтра в 10:00 по московскому времени');
    expect(await getChat(store, '1140')).toMatchObject({ timeZone: 'Europe/Moscow', timeZoneSource: 'client' });

    await clientSays('1140', 2, 'хотя лучше послезавтра в 12', new Date(AT.getTime() + 60_000));
    await waitFor('the second confirmation', () => published('agent.reply', '1140').length > 1);
    expect(published('schedule.intent', '1140')[1]).toMatchObject({ dueAt: '2026-11-20T09:00:00.000Z' });
  });

  it('"по московскому" within the phrase reads that phrase in Moscow time', async () => {
    await clientSays('1141', 1, 'напишите завтра в 10 по московскому времени');
    await waitFor('the confirmation', () => published('agent.reply', '1141').length > 0);
    expect(published('schedule.intent', '1141')).toMatchObject([{ dueAt: '2026-11-19T07:00:00.000Z' }]);
  });

  it('"ок, спасибо" keeps the follow-up it would otherwise cancel; so does the zone alone, read in the new zone', async () => {
    const due = new Date('2026-11-20T02:00:00.000Z'); // Friday 10:00 in Makassar
    await insertActions(store, [
      { chatId: '1150', type: 'follow_up', payload: { text: 'Добрый день!' }, dueAt: due, cancelOn: ['client_reply', 'takeover'], reason: 'напишите в пятницу', idempotencyKey: 'pre:1150', source: 'agent', timeZone: 'Asia/Makassar', contextAt: new Date(AT.getTime() - 60_000) },
    ]);
    await clientSays('1150', 1, 'ок, спасибо');
    await waitFor('the kept follow-up', () => published('schedule.intent', '1150').length > 0);
    expect(published('schedule.intent', '1150')).toMatchObject([
      { dueAt: due.toISOString(), action: { type: 'follow_up', payload: { text: 'Добрый день!' } }, contextAt: AT.toISOString(), idempotencyKey: 'agent:1150:1:0' },
    ]);
    expect(published('agent.reply', '1150')).toEqual([]);
    expect(published('ops.attention', '1150')).toEqual([]);

    await insertActions(store, [
      { chatId: '1151', type: 'follow_up', payload: { text: 'Добрый день!' }, dueAt: due, cancelOn: ['client_reply', 'takeover'], reason: 'напишите в пятницу', idempotencyKey: 'pre:1151', source: 'agent', timeZone: 'Asia/Makassar', contextAt: new Date(AT.getTime() - 60_000) },
    ]);
    await clientSays('1151', 1, 'я в Москве');
    await waitFor('the kept follow-up', () => published('agent.reply', '1151').length > 0);
    expect(published('schedule.intent', '1151')).toMatchObject([{ dueAt: '2026-11-20T07:00:00.000Z', timeZone: 'Europe/Moscow' }]);
    expect(published('agent.reply', '1151')[0]?.text).toBe('Хорошо, напишу вам в пятницу, 20 ноября, в 10:00 по московскому времени');
  });

  it.each([
    ['1170', 'What is the price for three nights?', 'question', /^Good question/],
    ['1171', 'This is terrible, I want a refund', 'complaint', /^I'm sorry to hear that/],
    ['1172', 'call me right now please', 'call_request', /^Sure — I've asked a colleague to call you/],
  ])('chat %s: English "%s" is handed over (%s) and the client is told', async (chatId, text, reason, reply) => {
    await clientSays(chatId, 1, text);
    await waitFor('the hand-off', () => published('ops.attention', chatId).length > 0);
    expect(published('ops.attention', chatId)[0]).toMatchObject({ reason, text });
    await waitFor('the reply', () => published('agent.reply', chatId).length > 0);
    expect(published('agent.reply', chatId)[0]?.text).toMatch(reply);
  });

  it('English: a call at a time, the zone from the message, and "when?" without a time', async () => {
    await clientSays('1180', 1, "I'm in Berlin, call me tomorrow at 10");
    await waitFor('the confirmation', () => published('agent.reply', '1180').length > 0);
    // 10:00 in Berlin (UTC+1 in November) is 09:00 UTC.
    expect(published('schedule.intent', '1180')).toMatchObject([{ dueAt: '2026-11-19T09:00:00.000Z', timeZone: 'Europe/Berlin', action: { type: 'call' } }]);
    expect(published('agent.reply', '1180')[0]?.text).toBe("Sure, we'll call you tomorrow at 10:00 Berlin time");

    await clientSays('1181', 1, 'get back to me after the holidays');
    await waitFor('the question', () => published('agent.reply', '1181').length > 0);
    expect(published('agent.reply', '1181')[0]?.text).toBe('When would be a good time for me to write to you?');
    await clientSays('1181', 2, 'the 10th of January', new Date(AT.getTime() + 60_000));
    await waitFor('the confirmation', () => published('agent.reply', '1181').length > 1);
    expect(published('schedule.intent', '1181')).toMatchObject([{ dueAt: '2027-01-10T02:00:00.000Z' }]);
  });

  it('client text Postgres cannot hold (NUL, half an emoji) is stored and answered; 70 such messages hold up no other chat', async () => {
    await clientSays('1190', 1, 'напиши\u0000 через 2 часа \uD83D');
    await waitFor('the confirmation', () => published('agent.reply', '1190').length > 0);
    expect(published('agent.reply', '1190')[0]?.text).toBe('Хорошо, напишу вам сегодня в 17:20');
    expect((await rows('1190'))[0]?.text).toBe('напиши через 2 часа \uFFFD');

    for (let i = 0; i < 70; i++) await clientSays(String(1200 + i), 1, `вопрос\u0000 номер ${i}?`);
    await clientSays('1191', 1, 'напиши через 3 часа');
    await waitFor('the other chat answered', () => published('agent.reply', '1191').length > 0);
    await idle();
    expect(published('dlq.conv.in', '1200')).toEqual([]);
    expect(published('ops.attention', '1269')).toMatchObject([{ reason: 'question' }]);
  });

  it('anything it cannot place goes to a human', async () => {
    await clientSays('1160', 1, 'ну посмотрим, вилла вроде ничего');
    await waitFor('the hand-off', () => published('ops.attention', '1160').length > 0);
    expect(published('ops.attention', '1160')[0]).toMatchObject({ reason: 'unclear' });
  });
});
