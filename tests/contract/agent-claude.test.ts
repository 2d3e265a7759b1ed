import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NatsConnection } from '@nats-io/transport-node';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { Kysely } from 'kysely';
import { scheduleIntentSchema, subjects, type ConvIn } from '@followups/contracts';
import { actionMigrations, getChat, type ActionsDB } from '@followups/actions';
import { connectDatabase, migrateToLatest } from '@followups/kit';
import {
  captureLog,
  fakeReply,
  startFakeMessagesApi,
  startTestBed,
  systemText,
  testLogger,
  toolResults,
  toolResultText,
  waitFor,
  type FakeBlock,
  type FakeMessagesApi,
  type RecordedRequest,
  type TestBed,
} from '@followups/kit/testing';
import { loadConfig, startAgent, type AgentDB, type RunningAgent } from '@followups/agent';

/**
 * The agent with Claude as its brain, chosen from its configuration (ANTHROPIC_API_KEY,
 * ANTHROPIC_BASE_URL → the local Messages API), through its subjects on a private nats-server
 * and database: what Claude's tool calls become on the wire, and what happens when it fails.
 */

/** Wednesday 2026-11-18 15:20 in Asia/Makassar. */
const AT = new Date('2026-11-18T07:20:00.000Z');
const NOW = new Date('2026-11-18T07:20:03.000Z');
const FRIDAY_10 = '2026-11-20T02:00:00.000Z';
const KEY = 'sk-ant-contract-secret-5150';

let bed: TestBed | undefined;
let api: FakeMessagesApi;
let nc: NatsConnection;
let js: JetStreamClient;
let db: Kysely<AgentDB>;
let store: Kysely<ActionsDB>;
let agent: RunningAgent | undefined;

/** Every log line of the agent, to find warnings and to make sure the key never shows. */
const { log, lines: logLines, raw: logText } = captureLog();

const events: { subject: string; data: Record<string, unknown> }[] = [];
const published = (family: 'schedule.intent' | 'schedule.cancel' | 'agent.reply' | 'ops.attention' | 'meeting.booked' | 'meeting.cancelled', chatId: string) => events.filter((e) => e.subject === `${family}.${chatId}`).map((e) => e.data);

beforeAll(async () => {
  bed = await startTestBed('agentclaude');
  ({ nc, js } = bed);
  api = await startFakeMessagesApi();
  const config = loadConfig({
    NATS_URL: bed.server.url,
    DATABASE_URL: bed.databaseUrl,
    INSTANCE_ID: 'agent-claude-test',
    ANTHROPIC_API_KEY: KEY,
    ANTHROPIC_BASE_URL: api.url,
    ANTHROPIC_TIMEOUT_MS: '300',
    ANTHROPIC_MAX_RETRIES: '1',
  });
  store = await connectDatabase<ActionsDB>(bed.databaseUrl, testLogger());
  await migrateToLatest(store, actionMigrations, 'actions', testLogger());
  agent = await startAgent({ config, log, clock: () => NOW });
  for (const subject of ['schedule.intent.>', 'schedule.cancel.>', 'agent.reply.>', 'ops.attention.>', 'meeting.>']) {
    nc.subscribe(subject, { callback: (_e, m) => void events.push({ subject: m.subject, data: m.json() }) });
  }
  await nc.flush();
  db = await connectDatabase<AgentDB>(bed.databaseUrl, testLogger());
});

afterAll(async () => {
  await agent?.stop();
  await db?.destroy();
  await store?.destroy();
  await api?.close();
  await bed?.close();
});

beforeEach(() => api.reset());

let publishCount = 0;
async function clientSays(chatId: string, messageId: number, text: string, at = AT): Promise<void> {
  const payload: ConvIn = { chatId, messageId, text, at: at.toISOString(), from: { id: chatId, name: 'Иван' } };
  await js.publish(subjects.convIn(chatId), JSON.stringify(payload), { msgID: `claude-test:${++publishCount}` });
}
const replies = (chatId: string, n = 1) => waitFor(`${n} repl(ies) in ${chatId}`, () => published('agent.reply', chatId).length >= n && published('agent.reply', chatId).map((r) => r.text));

let calls = 0;
const call = (name: string, input: Record<string, unknown>): FakeBlock => ({ type: 'tool_use', id: `toolu_contract_${++calls}`, name, input });
const scheduleCall = (over: Record<string, unknown> = {}) =>
  call('schedule_followup', { client_words: 'в пятницу', due_at_local: '2026-11-20T10:00', text: 'Добрый день! Вернёмся к вилле?', reason: 'client asked for Friday', ...over });
const resultOf = (r: RecordedRequest | undefined) => {
  const block = toolResults(r!)[0];
  return { block, text: block ? toolResultText(block) : '' };
};

describe('agent with Claude as its brain', () => {
  it('sends a plain answer as the reply; the request caches the prompt and tools and carries the local time', async () => {
    api.enqueue(fakeReply.text('Здравствуйте, Иван! Вилла стоит от 150 $ за ночь.'));
    await clientSays('2001', 1, 'сколько стоит вилла?');
    expect(await replies('2001')).toEqual(['Здравствуйте, Иван! Вилла стоит от 150 $ за ночь.']);
    expect(published('schedule.intent', '2001')).toEqual([]);

    const [request] = api.requests;
    const system = request!.body.system as { text: string; cache_control?: unknown }[];
    expect(system[0]).toMatchObject({ cache_control: { type: 'ephemeral' }, text: expect.stringContaining('sales assistant') });
    expect(system[1]).not.toHaveProperty('cache_control');
    expect(systemText(request!)).toContain('Wednesday, 18 November 2026, 15:20 (2026-11-18T15:20), time zone Asia/Makassar (UTC+08:00)');
    expect(request!.body.tools?.at(-1)?.cache_control).toEqual({ type: 'ephemeral' });
    expect(request!.body.model).toBe('claude-sonnet-5-5');
    expect(request!.body.messages).toEqual([{ role: 'user', content: 'сколько стоит вилла?' }]);
    await waitFor('the history', async () => (await db.selectFrom('agent_messages').select('role').where('chat_id', '=', '2001').execute()).length === 2);
  });

  it('turns a schedule_followup call (with text beside it) into an intent, then the confirmation built from the stored time', async () => {
    api.enqueue(fakeReply.message([{ type: 'text', text: 'Отлично!' }, scheduleCall()]), fakeReply.text('Хорошо, напишу вам в пятницу, 20 ноября, в 10:00.'));
    await clientSays('2002', 1, 'давайте в пятницу созвонимся');
    expect(await replies('2002')).toEqual(['Хорошо, напишу вам в пятницу, 20 ноября, в 10:00.']);
    const intents = published('schedule.intent', '2002');
    expect(intents).toHaveLength(1);
    expect(scheduleIntentSchema.parse(intents[0])).toMatchObject({
      dueAt: FRIDAY_10,
      action: { type: 'follow_up', payload: { text: 'Добрый день! Вернёмся к вилле?' } },
      idempotencyKey: 'agent:2002:1:0',
      contextAt: AT.toISOString(),
      timeZone: 'Asia/Makassar',
      source: 'agent',
    });
    expect(events.filter((e) => e.subject.endsWith('.2002')).map((e) => e.subject)).toEqual(['schedule.intent.2002', 'agent.reply.2002']);
    const { block, text } = resultOf(api.requests[1]);
    expect(block).toMatchObject({ type: 'tool_result', tool_use_id: expect.stringMatching(/^toolu_contract_/) });
    expect(block?.is_error).toBeUndefined();
    expect(JSON.parse(text)).toMatchObject({ due_at_local: '2026-11-20T10:00', client_local_time: 'пятница, 20 ноября 2026, 10:00' });
  });

  it('tells Claude its tool input is malformed; the corrected call is scheduled', async () => {
    api.enqueue(fakeReply.message([scheduleCall({ due_at_local: 'Friday 10am' })]), fakeReply.message([scheduleCall()]), fakeReply.text('Напишу в пятницу в 10:00.'));
    await clientSays('2003', 1, 'напишите в пятницу');
    expect(await replies('2003')).toEqual(['Напишу в пятницу в 10:00.']);
    expect(resultOf(api.requests[1])).toMatchObject({ block: { is_error: true }, text: expect.stringContaining('due_at_local: must be YYYY-MM-DDTHH:mm') });
    expect(published('schedule.intent', '2003')).toMatchObject([{ dueAt: FRIDAY_10 }]);
  });

  it('refuses a time in the past: nothing is scheduled', async () => {
    api.enqueue(fakeReply.message([scheduleCall({ client_words: 'как-нибудь', due_at_local: '2026-11-18T09:00' })]), fakeReply.text('Когда вам удобно?'));
    await clientSays('2004', 1, 'напишите как-нибудь');
    expect(await replies('2004')).toEqual(['Когда вам удобно?']);
    expect(resultOf(api.requests[1])).toMatchObject({ block: { is_error: true }, text: expect.stringContaining('not in the future') });
    expect(published('schedule.intent', '2004')).toEqual([]); // intents go out before replies: none came
  });

  it("stores the resolver's time when Claude's disagrees with the client's words, and warns", async () => {
    api.enqueue(fakeReply.message([scheduleCall({ client_words: 'через 2 часа', due_at_local: '2026-11-18T18:00' })]), fakeReply.text('Напишу в 17:20.'));
    await clientSays('2005', 1, 'напишите через 2 часа');
    await replies('2005');
    expect(published('schedule.intent', '2005')).toMatchObject([{ dueAt: '2026-11-18T09:20:00.000Z' }]);
    expect(logLines().find((l) => l.chatId === '2005' && l.level === 40)).toMatchObject({ proposedAt: '2026-11-18T10:00:00.000Z', storedAt: '2026-11-18T09:20:00.000Z' });
  });

  it('rides out an overloaded Claude: the SDK retries and the client gets one reply', async () => {
    api.enqueue(fakeReply.overloaded(), fakeReply.text('Да, вилла свободна.'));
    await clientSays('2006', 1, 'вилла свободна в декабре?');
    expect(await replies('2006')).toEqual(['Да, вилла свободна.']);
    expect(api.requests).toHaveLength(2);
    expect(published('agent.reply', '2006')).toHaveLength(1);
  });

  it('lets the rule brain answer when Claude hangs past ANTHROPIC_TIMEOUT_MS: the conversation is not lost', async () => {
    api.handle(() => fakeReply.hang());
    await clientSays('2007', 1, 'напиши через 2 часа');
    expect(await replies('2007')).toEqual(['Хорошо, напишу вам сегодня в 17:20']);
    expect(published('schedule.intent', '2007')).toMatchObject([{ dueAt: '2026-11-18T09:20:00.000Z' }]);
    expect(api.requests).toHaveLength(2); // one attempt, one retry, both timed out
    expect(logLines().find((l) => l.chatId === '2007' && l.fallback === 'rule')).toMatchObject({ level: 40, reason: 'timeout' });
    await waitFor('the message handled', async () =>
      (await db.selectFrom('agent_messages').select('handled_at').where('chat_id', '=', '2007').where('role', '=', 'client').executeTakeFirst())?.handled_at,
    );
  });

  it('publishes schedule.cancel for cancel_followups, scoped to what was scheduled before the message', async () => {
    api.enqueue(fakeReply.message([call('cancel_followups', { reason: 'client changed their mind' })]), fakeReply.text('Хорошо, не буду писать в пятницу.'));
    await clientSays('2008', 1, 'не надо писать в пятницу');
    await replies('2008');
    expect(published('schedule.cancel', '2008')).toEqual([{ reason: 'cancelled_by_agent', before: AT.toISOString(), by: 'agent' }]);
  });

  it('book_meeting publishes meeting.booked for the chat\'s one meeting, in its zone and language; cancel_meeting calls it off', async () => {
    api.enqueue(
      fakeReply.message([call('book_meeting', { client_words: 'в пятницу в 15:00', meeting_at_local: '2026-11-20T15:00', title: 'Показ виллы' })]),
      fakeReply.text('Отлично, встречаемся в пятницу в 15:00. Я напомню накануне.'),
    );
    await clientSays('2099', 1, 'давайте встретимся в пятницу в 15:00');
    await replies('2099');
    expect(published('meeting.booked', '2099')).toEqual([{ meetingId: 'agent:2099', at: '2026-11-20T07:00:00.000Z', timeZone: 'Asia/Makassar', title: 'Показ виллы', language: 'ru', by: 'agent' }]);

    api.enqueue(fakeReply.message([call('cancel_meeting', { reason: 'client cannot come' })]), fakeReply.text('Хорошо, отменяю встречу.'));
    await clientSays('2099', 2, 'к сожалению, в пятницу не получится, отменим');
    await waitFor('meeting.cancelled', () => published('meeting.cancelled', '2099')[0]);
    expect(published('meeting.cancelled', '2099')).toEqual([{ meetingId: 'agent:2099', reason: 'client cannot come', by: 'agent' }]);
  });

  it('note_opt_out for words the rule reader does not know: cancelled, marked do-not-contact, one goodbye; then a human, not Claude', async () => {
    api.enqueue(fakeReply.message([call('note_opt_out', { reason: 'bought elsewhere, wants no messages' })]), fakeReply.text('Поняла, больше не побеспокою. Всего доброго!'));
    await clientSays('2009', 1, 'я уже всё купил у других, ваши сообщения мне ни к чему');
    expect(await replies('2009')).toEqual(['Поняла, больше не побеспокою. Всего доброго!']);
    expect(published('schedule.cancel', '2009')).toEqual([{ reason: 'client_opted_out', by: 'agent' }]);
    expect(await getChat(store, '2009')).toMatchObject({ optedOut: { at: AT, by: 'client', messageId: 1 } });

    api.reset();
    await clientSays('2009', 2, 'напишите мне в пятницу', new Date(AT.getTime() + 60_000));
    await waitFor('the hand-off', () => published('ops.attention', '2009').length > 0);
    expect(published('ops.attention', '2009')[0]).toMatchObject({ reason: 'opted_out_client_wrote', messageId: 2 });
    expect(api.requests).toHaveLength(0); // only an operator lifts do-not-contact; Claude is not asked
    expect(published('schedule.intent', '2009')).toEqual([]);
  });

  it('a plain opt-out is read by rule before Claude is asked', async () => {
    await clientSays('2010', 1, 'Отпишитесь от меня, пожалуйста');
    expect(await replies('2010')).toEqual(['Понял, больше не будем вам писать. Если передумаете — просто напишите нам. Всего доброго!']);
    expect(api.requests).toHaveLength(0);
    expect((await getChat(store, '2010')).optedOut).not.toBeNull();
  });

  it('hand_off_to_human publishes ops.attention with Claude\'s summary', async () => {
    api.enqueue(fakeReply.message([call('hand_off_to_human', { reason: 'question', summary: 'asks for a discount on 3 weeks' })]), fakeReply.text('Уточню у коллеги — он ответит здесь.'));
    await clientSays('2011', 1, 'а скидку на 3 недели дадите?');
    expect(await replies('2011')).toEqual(['Уточню у коллеги — он ответит здесь.']);
    expect(published('ops.attention', '2011')).toEqual([
      { chatId: '2011', reason: 'question', text: 'а скидку на 3 недели дадите?', at: AT.toISOString(), messageId: 1, by: 'agent', suggested: 'asks for a discount on 3 weeks', contact: { name: 'Иван' } },
    ]);
  });

  it('set_time_zone stores the client\'s zone; the follow-up is read and confirmed in it', async () => {
    api.enqueue(
      fakeReply.message([call('set_time_zone', { place: 'Europe/Kyiv' }), scheduleCall({ client_words: 'завтра в 10', due_at_local: '2026-11-19T10:00' })]),
      fakeReply.text(''),
    );
    await clientSays('2012', 1, 'я сейчас дома, в столице Украины. напишите завтра в 10');
    expect(await replies('2012')).toEqual(['Хорошо, напишу вам завтра в 10:00 по времени Украины']);
    expect(published('schedule.intent', '2012')).toMatchObject([{ dueAt: '2026-11-19T08:00:00.000Z', timeZone: 'Europe/Kyiv' }]);
    expect(await getChat(store, '2012')).toMatchObject({ timeZone: 'Europe/Kyiv', timeZoneSource: 'client' });
  });

  it('schedule_call publishes a call for the team, confirmed as a call', async () => {
    api.enqueue(
      fakeReply.message([call('schedule_call', { client_words: 'tomorrow at 3pm', due_at_local: '2026-11-19T15:00', note: 'wants to discuss a long stay', reason: 'asked for a call' })]),
      fakeReply.text("Sure — a colleague will call you tomorrow, Thursday, at 15:00."),
    );
    await clientSays('2014', 1, 'could someone call me tomorrow at 3pm?');
    expect(await replies('2014')).toEqual(['Sure — a colleague will call you tomorrow, Thursday, at 15:00.']);
    expect(published('schedule.intent', '2014')).toMatchObject([
      { dueAt: '2026-11-19T07:00:00.000Z', action: { type: 'call', payload: { note: 'wants to discuss a long stay', contact: { name: 'Иван' } } } },
    ]);
  });

  it('a reply longer than a Telegram message goes out in parts cut at sentences, none over 4,096 characters', async () => {
    const long = Array.from({ length: 200 }, (_, i) => `Это подробный ответ, предложение ${i}.`).join(' ');
    api.enqueue(fakeReply.text(long));
    await clientSays('2015', 1, 'расскажите подробно про виллу');
    await waitFor('every part', () => published('agent.reply', '2015').length >= 2);
    const parts = published('agent.reply', '2015');
    expect(parts.map((p) => p.part)).toEqual(parts.map((_, i) => i));
    expect(parts.every((p) => String(p.text).length <= 4096 && String(p.text).endsWith('.'))).toBe(true);
    expect(parts.map((p) => p.text).join(' ')).toBe(long);
  });

  it('a silent Claude still leaves a trace: the chat is handed to a human (no_answer)', async () => {
    api.enqueue(fakeReply.text(''));
    await clientSays('2013', 1, 'хм');
    await waitFor('the hand-off', () => published('ops.attention', '2013').length > 0);
    expect(published('ops.attention', '2013')[0]).toMatchObject({ reason: 'no_answer' });
  });

  it('never logs the API key', () => {
    expect(logText()).toContain('Claude answers');
    expect(logText()).not.toContain(KEY);
  });
});
