import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { getAction, insertActions, setChatTimeZone, type ActionRow, type ActionsDB, type NewAction } from '@followups/actions';
import { composeReplySchema, defaultCancelOn, subjects, type ComposeRequest, type ConvIn, type ConvOut, type SandboxDelivered } from '@followups/contracts';
import { connectDatabase } from '@followups/kit';
import {
  captureLog,
  collect,
  fakeReply,
  sleep,
  startFakeMessagesApi,
  systemText,
  testLogger,
  waitFor,
  type CapturedLog,
  type Collected,
  type FakeMessagesApi,
  startTestBed,
  type TestBed,
} from '@followups/kit/testing';
import { loadConfig as agentConfig, startAgent, type AgentDB, type RunningAgent } from '@followups/agent';
import { loadConfig as dispatcherConfig, startDispatcher, type RunningDispatcher } from '@followups/dispatcher';
import { loadConfig as schedulerConfig, startScheduler, type RunningScheduler } from '@followups/scheduler';
import { relaxedMannersEnv } from '../support/relaxed-manners.js';

/**
 * A follow-up written at fire time: the agent answers `agent.compose.<chat>` (the rule brain's
 * template, or Claude against the local Messages API), and the dispatcher asks for it when a
 * `compose: true` follow-up is due, sending the text fixed at scheduling when no answer comes in
 * time — once. Every greeting is fitted to the client's local hour.
 */

const log = testLogger('compose');
/** The dispatcher's (and agents') wait for a composed text. */
const COMPOSE_TIMEOUT_MS = 1000;
const RULE_RU = 'Вы просили написать — удобно сейчас продолжить?';
/** When the client wrote, for the history: Friday 2026-11-13 15:20 in Europe/Moscow. */
const WROTE_AT = new Date('2026-11-13T12:20:00.000Z');

let bed: TestBed;
let db: Kysely<ActionsDB>;
let scheduler: RunningScheduler | undefined;
let dispatcher: RunningDispatcher | undefined;
let agent: RunningAgent | undefined;
let api: FakeMessagesApi;
let agentLog: CapturedLog;
let dispatcherLog: CapturedLog;
let delivered: Collected<SandboxDelivered>;
let convOut: Collected<ConvOut>;

/** Every hour open, no holidays: the send window never moves what these tests send. */
const env = () => ({ NATS_URL: bed.server.url, DATABASE_URL: bed.databaseUrl, LOG_LEVEL: 'silent', COMPOSE_TIMEOUT_MS: String(COMPOSE_TIMEOUT_MS), ...relaxedMannersEnv });

const startRuleAgent = async () => {
  agentLog = captureLog();
  agent = await startAgent({ config: agentConfig({ ...env(), INSTANCE_ID: 'compose-rule' }), log: agentLog.log });
};
const startClaudeAgent = async () => {
  agentLog = captureLog();
  const config = agentConfig({ ...env(), INSTANCE_ID: 'compose-claude', ANTHROPIC_API_KEY: 'sk-ant-compose-test', ANTHROPIC_BASE_URL: api.url, ANTHROPIC_MAX_RETRIES: '0' });
  agent = await startAgent({ config, log: agentLog.log });
};
const stopAgent = async () => {
  await agent?.stop();
  agent = undefined;
};

beforeAll(async () => {
  bed = await startTestBed('compose');
  api = await startFakeMessagesApi();
  // The scheduler owns the shared schema; the agent and the dispatcher wait for it.
  scheduler = await startScheduler({ config: schedulerConfig(env()), log });
  db = await connectDatabase<ActionsDB>(bed.databaseUrl, log);
  dispatcherLog = captureLog();
  dispatcher = await startDispatcher({ config: dispatcherConfig({ ...env(), INSTANCE_ID: 'compose' }), log: dispatcherLog.log });
  delivered = collect<SandboxDelivered>(bed.nc, 'sandbox.delivered.>');
  convOut = collect<ConvOut>(bed.nc, 'conv.out.>');
  await bed.nc.flush();
}, 60_000);

afterAll(async () => {
  delivered?.stop();
  convOut?.stop();
  await agent?.stop();
  await dispatcher?.stop();
  await scheduler?.stop();
  await db?.destroy();
  await api?.close();
  await bed?.close();
});

beforeEach(() => api.reset());

let messageCount = 0;
async function clientSays(chatId: string, text: string): Promise<void> {
  const payload: ConvIn = { chatId, messageId: ++messageCount, text, at: WROTE_AT.toISOString(), from: { id: chatId, name: 'Иван' } };
  await bed.js.publish(subjects.convIn(chatId), JSON.stringify(payload), { msgID: `compose-test:${messageCount}` });
}

const request = (chatId: string, over: Partial<ComposeRequest> = {}): ComposeRequest => ({
  actionId: randomUUID(),
  chatId,
  dueAt: '2026-11-20T18:00:00.000Z', // Friday 21:00 in Moscow
  fallback: 'Добрый день! Вы просили написать через неделю.',
  reason: 'client asked: напишите через неделю',
  ...over,
});
async function ask(subject: string, body: unknown): Promise<Record<string, unknown>> {
  const m = await bed.nc.request(subject, typeof body === 'string' ? body : JSON.stringify(body), { timeout: 5000 });
  return m.json();
}
const compose = (r: ComposeRequest) => ask(subjects.agentCompose(r.chatId), r);

/** Info and above: what operators read, where message text must not be. */
const infoLines = (c: CapturedLog) => c.lines().filter((l) => Number(l.level) >= 30);

describe('the agent answers agent.compose with the rule brain', () => {
  beforeAll(async () => {
    await startRuleAgent();
    // A Russian conversation in Moscow: the language comes from what the client wrote.
    await setChatTimeZone(db, '7001', 'Europe/Moscow', 'operator');
    await clientSays('7001', 'привет');
    await clientSays('7001', 'напишите через неделю');
    const history = db as unknown as Kysely<AgentDB>;
    await waitFor('the conversation stored', async () => (await history.selectFrom('agent_messages').select('id').where('chat_id', '=', '7001').execute()).length === 4);
  }, 30_000);
  afterAll(stopAgent);

  it("writes the template in the chat's language, its greeting fitted to the due time in the chat's zone", async () => {
    const evening = await compose(request('7001'));
    expect(composeReplySchema.parse(evening)).toEqual({ text: `Добрый вечер! ${RULE_RU}`, by: 'rule' });
    // 08:00 in Moscow.
    expect(await compose(request('7001', { dueAt: '2026-11-20T05:00:00.000Z' }))).toEqual({ text: `Доброе утро! ${RULE_RU}`, by: 'rule' });
    // 14:00 in Moscow: the template's own "Добрый день" fits.
    expect(await compose(request('7001', { dueAt: '2026-11-20T11:00:00.000Z' }))).toEqual({ text: `Добрый день! ${RULE_RU}`, by: 'rule' });
  });

  it("a chat it has never seen: the team's zone and the planned text's language", async () => {
    // 13:00 UTC is 21:00 in Asia/Makassar, the default zone.
    expect(await compose(request('7002', { dueAt: '2026-11-20T13:00:00.000Z' }))).toEqual({ text: `Добрый вечер! ${RULE_RU}`, by: 'rule' });
    expect(await compose(request('7003', { fallback: 'Good afternoon! You asked me to write.' }))).toEqual({
      text: 'Hi! You asked me to get back to you — is now a good time to continue?',
      by: 'rule',
    });
  });

  it('answers a bad request with an error at once, and goes on serving', async () => {
    expect(await ask(subjects.agentCompose('7004'), 'not json')).toEqual({ error: 'invalid compose request: not JSON' });
    expect(await ask(subjects.agentCompose('7004'), { chatId: '7004' })).toMatchObject({ error: expect.stringMatching(/^invalid compose request: .*actionId/) });
    expect(await ask(subjects.agentCompose('7004'), request('7005'))).toEqual({ error: 'invalid compose request: chat 7005 asked on agent.compose.7004' });
    expect(agentLog.lines().filter((l) => l.msg === 'invalid compose request')).toHaveLength(3);
    expect(await compose(request('7004'))).toMatchObject({ by: 'rule' });
  });

  it('logs ids, not the text', () => {
    const composed = infoLines(agentLog).filter((l) => l.msg === 'follow-up composed');
    expect(composed.length).toBeGreaterThanOrEqual(5);
    expect(composed[0]).toMatchObject({ chatId: '7001', actionId: expect.any(String), by: 'rule' });
    expect(JSON.stringify(infoLines(agentLog))).not.toContain(RULE_RU);
  });
});

describe('the agent answers agent.compose with Claude', () => {
  beforeAll(startClaudeAgent, 30_000);
  afterAll(stopAgent);

  it("sends the recent conversation once, with no tools; Claude's text, its greeting fitted, is the answer", async () => {
    api.enqueue(fakeReply.text('Добрый день! Неделю назад вы спрашивали про виллу — удобно продолжить?'));
    const reply = await compose(request('7001'));
    expect(reply).toEqual({ text: 'Добрый вечер! Неделю назад вы спрашивали про виллу — удобно продолжить?', by: 'claude' });

    expect(api.requests).toHaveLength(1);
    const { body } = api.requests[0]!;
    expect(body.tools).toBeUndefined();
    expect(systemText(api.requests[0]!)).toContain('Friday, 20 November 2026, 21:00 (2026-11-20T21:00), time zone Europe/Moscow (UTC+03:00)');
    expect(systemText(api.requests[0]!)).toContain('Write in Russian.');
    const turn = body.messages.at(-1)!.content as string;
    // The conversation the rule agent kept: both client messages and both replies, in order.
    expect(turn).toMatch(/\[2026-11-13T15:20\] Client: привет\n\[[^\]]+\] You: .+\n\[2026-11-13T15:20\] Client: напишите через неделю\n\[[^\]]+\] You: Хорошо, напишу вам/);
    expect(turn).toContain('Добрый день! Вы просили написать через неделю.');
    expect(JSON.stringify(infoLines(agentLog))).not.toContain('виллу');
  });

  it("Claude failing or too slow: the rule brain's template, still in time for the dispatcher", async () => {
    api.enqueue(fakeReply.overloaded());
    expect(await compose(request('7001'))).toEqual({ text: `Добрый вечер! ${RULE_RU}`, by: 'rule' });

    api.enqueue(fakeReply.hang());
    const started = Date.now();
    expect(await compose(request('7001'))).toEqual({ text: `Добрый вечер! ${RULE_RU}`, by: 'rule' });
    expect(Date.now() - started).toBeLessThan(COMPOSE_TIMEOUT_MS);
    expect(agentLog.lines().filter((l) => String(l.msg).startsWith('Claude could not write the follow-up')).map((l) => l.reason)).toEqual([expect.stringContaining('529'), 'out of time']);
  });
});

describe('the dispatcher sends a due follow-up', () => {
  let n = 0;
  const due = async (chatId: string, payload: { text: string; compose?: boolean }, over: Partial<NewAction> = {}): Promise<ActionRow> => {
    const [row] = await insertActions(db, [
      { chatId, type: 'follow_up', payload, dueAt: new Date(Date.now() - 500), cancelOn: defaultCancelOn.follow_up, reason: 'client asked: напишите через неделю', idempotencyKey: `compose:${++n}`, source: 'api', ...over },
    ]);
    return row!;
  };
  /** Waits until the action is sent, then a little longer, and returns every delivery of it and every report of it. */
  const sentOnce = async (row: ActionRow) => {
    await waitFor(`action ${row.id} sent`, async () => (await getAction(db, row.id))?.status === 'sent', 15_000);
    await sleep(500);
    const deliveries = delivered.messages.filter((m) => m.data.actionId === row.id).map((m) => m.data.text);
    const reports = convOut.messages.filter((m) => m.data.actionId === row.id).map((m) => ({ by: m.data.by, text: m.data.text }));
    return { deliveries, reports };
  };
  const notComposed = () => dispatcherLog.lines().filter((l) => l.msg === 'follow-up not composed, sending the text fixed when it was scheduled');

  it('with an agent running: the composed text, once', async () => {
    await startClaudeAgent();
    try {
      api.enqueue(fakeReply.text('Good afternoon, Anna! Last week you asked about the villa by the sea — shall we go on?'));
      await setChatTimeZone(db, '7101', 'Europe/Moscow', 'operator');
      const row = await due('7101', { text: 'Good afternoon! You asked me to write.', compose: true });
      const { deliveries, reports } = await sentOnce(row);
      expect(api.requests).toHaveLength(1);
      // Fitted to the hour in Moscow now, whatever it is.
      const text = deliveries[0]!;
      expect(text).toMatch(/^(Good morning|Good afternoon|Good evening|Hello), Anna! Last week you asked about the villa by the sea — shall we go on\?$/);
      expect(deliveries).toEqual([text]);
      expect(reports).toEqual([{ by: 'bot', text }]);
    } finally {
      await stopAgent();
    }
  }, 30_000);

  it('with no agent at all: the text fixed at scheduling, at once, once', async () => {
    const before = notComposed().length;
    const row = await due('7102', { text: 'Напоминаю о нашем разговоре про виллу.', compose: true });
    const { deliveries, reports } = await sentOnce(row);
    expect(deliveries).toEqual(['Напоминаю о нашем разговоре про виллу.']);
    expect(reports).toEqual([{ by: 'bot', text: 'Напоминаю о нашем разговоре про виллу.' }]);
    expect(notComposed().slice(before)).toMatchObject([{ actionId: row.id, reason: 'no agent serves compose requests', level: 40 }]);
  }, 30_000);

  it('with an agent that never answers: the fixed text after the timeout, once', async () => {
    // Takes every compose request and says nothing, like an agent stuck or lost mid-request.
    const mute = bed.nc.subscribe('agent.compose.*', { queue: 'agent', callback: () => undefined });
    const asked: number[] = [];
    const watch = bed.nc.subscribe('agent.compose.7103', { callback: () => void asked.push(Date.now()) });
    await bed.nc.flush();
    try {
      const before = notComposed().length;
      const row = await due('7103', { text: 'Напоминаю о нашем разговоре про виллу.', compose: true });
      const { deliveries, reports } = await sentOnce(row);
      expect(deliveries).toEqual(['Напоминаю о нашем разговоре про виллу.']);
      expect(reports).toEqual([{ by: 'bot', text: 'Напоминаю о нашем разговоре про виллу.' }]);
      expect(asked).toHaveLength(1);
      const sentAt = Date.parse(delivered.messages.find((m) => m.data.actionId === row.id)!.data.at);
      expect(sentAt - asked[0]!).toBeGreaterThanOrEqual(COMPOSE_TIMEOUT_MS - 50);
      expect(notComposed().slice(before)).toMatchObject([{ actionId: row.id, reason: `no answer within ${COMPOSE_TIMEOUT_MS} ms` }]);
    } finally {
      mute.unsubscribe();
      watch.unsubscribe();
    }
  }, 30_000);

  it('a fixed "Добрый день!" due in the evening of the chat\'s zone goes out as "Добрый вечер!"', async () => {
    await setChatTimeZone(db, '7104', zoneWhereItIs(20), 'operator');
    const row = await due('7104', { text: 'Добрый день! Напоминаю о нашем разговоре.' });
    const { deliveries, reports } = await sentOnce(row);
    expect(deliveries).toEqual(['Добрый вечер! Напоминаю о нашем разговоре.']);
    expect(reports).toEqual([{ by: 'bot', text: 'Добрый вечер! Напоминаю о нашем разговоре.' }]);
  }, 30_000);

  it('a chat with no zone of its own: the zone stored with the action', async () => {
    const row = await due('7105', { text: 'Добрый день! Напоминаю о нашем разговоре.' }, { timeZone: zoneWhereItIs(8) });
    const { deliveries } = await sentOnce(row);
    expect(deliveries).toEqual(['Доброе утро! Напоминаю о нашем разговоре.']);
  }, 30_000);
});

/**
 * A fixed-offset zone where the wall clock now shows `hour` (give or take the minutes): an hour
 * in the middle of a part of the day stays in it for the length of a test.
 */
function zoneWhereItIs(hour: number): string {
  let offset = hour - new Date().getUTCHours();
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  // POSIX style: Etc/GMT-3 is three hours ahead of UTC.
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}
