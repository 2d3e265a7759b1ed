import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NatsConnection } from '@nats-io/transport-node';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { Kysely } from 'kysely';
import { scheduleIntentSchema, subjects, type ConvIn } from '@followups/contracts';
import { connectDatabase } from '@followups/kit';
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
let agent: RunningAgent | undefined;

/** Every log line of the agent, to find warnings and to make sure the key never shows. */
const { log, lines: logLines, raw: logText } = captureLog();

const events: { subject: string; data: Record<string, unknown> }[] = [];
const published = (family: 'schedule.intent' | 'schedule.cancel' | 'agent.reply', chatId: string) => events.filter((e) => e.subject === `${family}.${chatId}`).map((e) => e.data);

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
  agent = await startAgent({ config, log, clock: () => NOW });
  for (const subject of ['schedule.intent.>', 'schedule.cancel.>', 'agent.reply.>']) {
    nc.subscribe(subject, { callback: (_e, m) => void events.push({ subject: m.subject, data: m.json() }) });
  }
  await nc.flush();
  db = await connectDatabase<AgentDB>(bed.databaseUrl, testLogger());
});

afterAll(async () => {
  await agent?.stop();
  await db?.destroy();
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

  it('publishes schedule.cancel for cancel_followups', async () => {
    api.enqueue(fakeReply.message([call('cancel_followups', { reason: 'client changed their mind' })]), fakeReply.text('Хорошо, не буду писать в пятницу.'));
    await clientSays('2008', 1, 'не надо писать в пятницу');
    await replies('2008');
    expect(published('schedule.cancel', '2008')).toEqual([{ reason: 'cancelled_by_agent' }]);
  });

  it('note_opt_out cancels and is remembered: nothing is scheduled until the client asks again', async () => {
    const optedOutAt = async () => (await db.selectFrom('agent_chats').select('opted_out_at').where('chat_id', '=', '2009').executeTakeFirst())?.opted_out_at;
    api.enqueue(fakeReply.message([call('note_opt_out', { reason: 'asked not to write' })]), fakeReply.text('Поняла, больше не побеспокою.'));
    await clientSays('2009', 1, 'больше не пишите мне');
    await replies('2009');
    expect(published('schedule.cancel', '2009')).toEqual([{ reason: 'client_opted_out' }]);
    expect(await optedOutAt()).toEqual(AT);

    api.reset();
    api.enqueue(fakeReply.message([scheduleCall()]), fakeReply.text('Хорошо!'));
    await clientSays('2009', 2, 'ну может в пятницу', new Date(AT.getTime() + 60_000));
    await replies('2009', 2);
    expect(systemText(api.requests[0]!)).toContain('asked not to be contacted');
    expect(resultOf(api.requests[1])).toMatchObject({ block: { is_error: true }, text: expect.stringContaining('Refused') });
    expect(published('schedule.intent', '2009')).toEqual([]);

    api.reset();
    api.enqueue(fakeReply.message([scheduleCall()]), fakeReply.text('Хорошо, напишу в пятницу в 10:00.'));
    await clientSays('2009', 3, 'напишите мне в пятницу', new Date(AT.getTime() + 120_000));
    await replies('2009', 3);
    expect(published('schedule.intent', '2009')).toMatchObject([{ dueAt: FRIDAY_10, idempotencyKey: 'agent:2009:3:0' }]);
    expect(await optedOutAt()).toBeNull();
  });

  it('never logs the API key', () => {
    expect(logText()).toContain('Claude answers');
    expect(logText()).not.toContain(KEY);
  });
});
