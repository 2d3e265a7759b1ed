import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from '@nats-io/transport-node';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { Kysely } from 'kysely';
import { actionMigrations, cancelAction, getAction, insertActions, type ActionsDB, type NewAction } from '@followups/actions';
import {
  defaultCancelOn,
  opsReleaseSchema,
  opsTakeoverSchema,
  scheduleDueSchema,
  scheduleIntentSchema,
  streams,
  subjects,
  type ScheduleCancel,
  type ScheduleIntent,
} from '@followups/contracts';
import { connectDatabase, ensureStreams, migrateToLatest, publishJson, readTakeoverState } from '@followups/kit';
import { startTestBed, testLogger, waitFor, type TestBed, type TestNatsServer } from '@followups/kit/testing';
import { run, runChat, type Io } from '@followups/cli';

const root = fileURLToPath(new URL('../..', import.meta.url));
const log = testLogger('cli-test');
let bed: TestBed | undefined;
let server: TestNatsServer;
let databaseUrl: string;
let db: Kysely<ActionsDB>;
let nc: NatsConnection;
let js: JetStreamClient;
let jsm: JetStreamManager;

const env = (over: Record<string, string> = {}) => ({ NATS_URL: server.url, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', CLI_WAIT_MS: '3000', ...over });

/** An Io whose output the test reads. */
function captureIo(over: Record<string, string> = {}) {
  const text = { out: '', err: '' };
  const io: Io = {
    stdout: { write: (s: string) => (text.out += s) },
    stderr: { write: (s: string) => (text.err += s) },
    env: env(over),
    clock: () => new Date(),
  };
  return { io, text };
}

async function cli(argv: string[], over: Record<string, string> = {}) {
  const { io, text } = captureIo(over);
  const code = await run(argv, io);
  return { code, ...text };
}

const last = async (stream: string, subject: string) => (await jsm.streams.getMessage(stream, { last_by_subj: subject }).catch(() => null)) ?? undefined;

/**
 * Stands in for the scheduler service (its own tests cover it): stores intents and applies
 * cancels with the actions repository, so the CLI's waiting and reporting can be checked.
 */
async function standInScheduler() {
  const subs = [
    nc.subscribe(subjects.scheduleIntent('*'), {
      callback: (_e, m) => {
        const i: ScheduleIntent = scheduleIntentSchema.parse(m.json());
        void insertActions(db, [
          {
            chatId: i.chatId,
            type: i.action.type,
            payload: i.action.payload,
            dueAt: new Date(i.dueAt),
            cancelOn: i.cancelOn ?? defaultCancelOn[i.action.type],
            reason: i.reason,
            idempotencyKey: i.idempotencyKey,
            source: i.source,
            timeZone: i.timeZone,
            contextAt: i.contextAt ? new Date(i.contextAt) : undefined,
          },
        ]);
      },
    }),
    nc.subscribe(subjects.scheduleCancel('*'), {
      callback: (_e, m) => {
        const c = m.json<ScheduleCancel>();
        if (c.actionId) void cancelAction(db, c.actionId, c.reason, m.subject.split('.')[2]);
      },
    }),
  ];
  await nc.flush(); // subscribed at the server before the CLI, on its own connection, publishes
  return { stop: () => subs.forEach((s) => s.unsubscribe()) };
}

let n = 0;
const newAction = (over: Partial<NewAction>): NewAction => ({
  chatId: '1',
  type: 'follow_up',
  payload: { text: 'Добрый день!' },
  dueAt: new Date(Date.now() + 3_600_000),
  cancelOn: ['client_reply', 'takeover'],
  reason: 'test',
  idempotencyKey: `cli-test:${++n}:${randomUUID()}`,
  source: 'api',
  ...over,
});

beforeAll(async () => {
  bed = await startTestBed('cli');
  ({ server, nc, js, jsm, databaseUrl } = bed);
  db = await connectDatabase<ActionsDB>(databaseUrl, log);
  await migrateToLatest(db, actionMigrations, 'actions', log);
});
afterAll(async () => {
  await db?.destroy();
  await bed?.close();
});

describe('followups takeover / release', () => {
  it('stores a takeover and a release on the OPS stream, creating it, with bodies the contract accepts', async () => {
    const taken = await cli(['takeover', '4242', '--operator', 'anna', '--reason', 'big deal']);
    expect(taken).toMatchObject({ code: 0, err: '' });
    expect(taken.out).toMatch(/chat 4242 taken over by anna \(stored in OPS as #\d+\)/);
    const takeover = await last(streams.ops.name, subjects.opsTakeover('4242'));
    expect(opsTakeoverSchema.parse(takeover!.json())).toEqual({ operator: 'anna', reason: 'big deal' });
    expect(await readTakeoverState(jsm, '4242')).toMatchObject({ underHuman: true, operator: 'anna' });

    const released = await cli(['release', '4242']);
    expect(released.code).toBe(0);
    const release = await last(streams.ops.name, subjects.opsRelease('4242'));
    expect(release!.json()).toEqual({}); // the same as an empty `nats pub` body
    expect(opsReleaseSchema.safeParse(release!.json()).success).toBe(true);
    expect(await readTakeoverState(jsm, '4242')).toEqual({ underHuman: false });

    expect((await cli(['takeover', '-100123'])).code).toBe(0); // a group chat's negative id is a chat, not an option
    expect((await last(streams.ops.name, subjects.opsTakeover('-100123')))!.json()).toEqual({});
  });
});

describe('followups schedule create', () => {
  it('publishes a valid follow-up intent with the default cancel policy and says it is queued when no scheduler stores it', async () => {
    const due = new Date(Date.now() + 3_600_000);
    const r = await cli(['schedule', 'create', '5151', due.toISOString(), 'Добрый', 'день!'], { CLI_WAIT_MS: '200' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/not stored yet: the scheduler did not store it within 200 ms/);
    const stored = await last(streams.schedule.name, subjects.scheduleIntent('5151'));
    const raw = stored!.json<Record<string, unknown>>();
    expect(raw).not.toHaveProperty('cancelOn'); // omitted: the scheduler applies the type's default, as for the agent
    const intent = scheduleIntentSchema.parse(raw);
    expect(intent).toMatchObject({
      chatId: '5151',
      action: { type: 'follow_up', payload: { text: 'Добрый день!' } },
      dueAt: due.toISOString(),
      source: 'cli',
      timeZone: 'Asia/Makassar',
    });
    expect(intent.idempotencyKey).toMatch(/^cli:[0-9a-f-]{36}$/);
    expect(stored!.header?.get('Nats-Msg-Id')).toBe(intent.idempotencyKey);
    expect(new Date(intent.contextAt!).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('resolves a phrase in the chat\'s zone and prints the stored action once the scheduler has it', async () => {
    const scheduler = await standInScheduler();
    const now = new Date();
    const { io, text } = captureIo();
    io.clock = () => now;
    const code = await run(['schedule', 'create', '5252', '2h', 'Как', 'вам', 'предложение?'], io);
    scheduler.stop();
    expect(code).toBe(0);
    const row = (await db.selectFrom('scheduled_actions').selectAll().where('chat_id', '=', '5252').executeTakeFirst())!;
    expect(row).toMatchObject({ type: 'follow_up', status: 'pending', source: 'cli', cancel_on: defaultCancelOn.follow_up, payload: { text: 'Как вам предложение?' } });
    expect(row.due_at.toISOString()).toBe(new Date(now.getTime() + 2 * 3_600_000).toISOString());
    expect(text.out).toContain(`scheduled  ${row.id}`);
    expect(text.out).toMatch(new RegExp(`due +${row.due_at.toISOString().replace(/\./g, '\\.')} \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\w{3} GMT\\+8, Asia/Makassar\\)`));
    expect(text.out).toMatch(/status +pending/);
  });

  it('refuses bad input with a clear message, a non-zero exit and nothing published', async () => {
    const before = (await jsm.streams.info(streams.schedule.name)).state.messages;
    const cases: [string[], RegExp][] = [
      [['schedule', 'create', 'abc', '2h', 'hi'], /bad chat id "abc"/],
      [['schedule', 'create', '5353', 'whenever', 'hi'], /cannot understand the time "whenever"/],
      [['schedule', 'create', '5353', '2020-01-01T00:00:00Z', 'hi'], /is in the past/],
      [['schedule', 'create', '5353', '2h'], /missing <text…>/],
      [['schedule', 'create', '5353', '2h', 'hi', '--tz', 'Mars/Olympus'], /unknown time zone "Mars\/Olympus"/],
      [['schedule', 'list', '--status', 'done'], /unknown status "done": one of pending, claimed/],
      [['schedule', 'list', '--colour', 'red'], /unknown option --colour/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['schedule', 'frobnicate'], /unknown command "schedule frobnicate"/],
      [['takeover', '12ab'], /bad chat id "12ab"/],
      [['release', '99999999999999999999'], /bad chat id "99999999999999999999"/], // beyond int64
      [['when', 'soon', '--now', 'yesterday'], /--now must be an ISO time/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(argv);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    }
    expect((await jsm.streams.info(streams.schedule.name)).state.messages).toBe(before);
  });
});

describe('followups schedule list / cancel / run-due', () => {
  it('lists the actions in an aligned table, filtered by chat and status', async () => {
    const [pending] = await insertActions(db, [newAction({ chatId: '6161', reason: 'client asked: напиши через неделю' })]);
    const [cancelled] = await insertActions(db, [newAction({ chatId: '6161', type: 'reminder', cancelOn: ['takeover'], cancelReason: 'human_takeover' })]);
    await insertActions(db, [newAction({ chatId: '6262' })]);

    const r = await cli(['schedule', 'list', '--chat', '6161']);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^ID +CHAT +TYPE +DUE \(UTC\) +STATUS +REASON +ATTEMPTS$/);
    const [cancelledLine, pendingLine] = [lines.find((l) => l.startsWith(cancelled!.id))!, lines.find((l) => l.startsWith(pending!.id))!];
    expect(pendingLine).toMatch(/ 6161 +follow_up +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +pending +client asked: напиши через неделю +0$/);
    expect(cancelledLine).toMatch(/ 6161 +reminder .* cancelled +human_takeover +0$/);
    expect(pendingLine.indexOf('pending')).toBe(lines[0]!.indexOf('STATUS'));
    expect(cancelledLine.indexOf('cancelled')).toBe(lines[0]!.indexOf('STATUS'));

    const onlyCancelled = await cli(['schedule', 'list', '--chat', '6161', '--status', 'cancelled']);
    expect(onlyCancelled.out).toContain(cancelled!.id);
    expect(onlyCancelled.out).not.toContain(pending!.id);
    expect((await cli(['schedule', 'list', '--chat', '999999'])).out).toBe('no actions\n');
  });

  it('cancels a pending action through the scheduler, and refuses one already sent', async () => {
    const [live, sent] = await insertActions(db, [newAction({ chatId: '7272' }), newAction({ chatId: '7272' })]);
    await db.updateTable('scheduled_actions').set({ status: 'sent' }).where('id', '=', sent!.id).execute();

    const scheduler = await standInScheduler();
    const r = await cli(['schedule', 'cancel', live!.id]);
    scheduler.stop();
    expect(r).toMatchObject({ code: 0, out: `cancelled ${live!.id} (cancelled_by_operator)\n` });
    expect(await getAction(db, live!.id)).toMatchObject({ status: 'cancelled', cancel_reason: 'cancelled_by_operator' });

    const refused = await cli(['schedule', 'cancel', sent!.id]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is already sent: nothing to cancel/);
    const unknown = await cli(['schedule', 'cancel', randomUUID()]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no action /);
    expect((await cli(['schedule', 'cancel', 'not-a-uuid'])).code).toBe(2);
  });

  it('run-due claims what is due and publishes it to the dispatchers', async () => {
    const [due] = await insertActions(db, [newAction({ chatId: '8282', dueAt: new Date(Date.now() - 1000) })]);
    const r = await cli(['schedule', 'run-due']);
    expect(r).toMatchObject({ code: 0, out: 'claimed 1, republished 0, failed 0\n' });
    const event = await last(streams.dispatch.name, subjects.scheduleDue('8282'));
    expect(scheduleDueSchema.parse(event!.json())).toMatchObject({ actionId: due!.id, chatId: '8282' });
    expect((await getAction(db, due!.id))!.status).toBe('claimed');
  });
});

describe('followups when', () => {
  it('prints the resolved instant, its local time and the zone as one JSON object', async () => {
    const r = await cli(['when', '2h', '--now', '2026-11-18T07:20:00Z']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ at: '2026-11-18T09:20:00.000Z', local: '2026-11-18 17:20:00 Wed GMT+8', tz: 'Asia/Makassar' });
    const day = await cli(['when', '2026-12-01', '--now', '2026-11-18T07:20:00Z', '--tz', 'Europe/Moscow']);
    expect(JSON.parse(day.out)).toEqual({ at: '2026-12-01T07:00:00.000Z', local: '2026-12-01 10:00:00 Tue GMT+3', tz: 'Europe/Moscow' });
    const none = await cli(['when', 'как-нибудь', '--now', '2026-11-18T07:20:00Z']);
    expect({ code: none.code, json: JSON.parse(none.out) }).toEqual({ code: 0, json: { at: null, local: null, tz: 'Asia/Makassar' } });
  });
});

describe('pnpm chat', () => {
  it('sends typed lines as the sandbox client and prints what the bot delivers to the chat', async () => {
    const chatId = '9393';
    await ensureStreams(jsm, ['sandboxDelivered']); // as the dispatcher would have
    // The dispatcher's sandbox transport sends on sandbox.outbox.<chat>; the stream stores it and
    // re-publishes it to sandbox.delivered.<chat>.
    await publishJson(js, subjects.sandboxOutbox(chatId), { chatId, text: 'sent before the chat opened', randomId: '1', at: new Date().toISOString() });
    const stdin = new PassThrough();
    const { io, text } = captureIo();
    const done = runChat(['--chat', chatId, '--tz', 'Asia/Makassar'], { ...io, stdin });
    await waitFor('the banner', () => (text.err ? Promise.reject(new Error(text.err)) : text.out.includes(`chat ${chatId} as the sandbox client · NATS ${server.url}`)));

    stdin.write('напиши через 2 минуты\n');
    const typed = await waitFor('the line on sandbox.client', () => last(streams.sandboxInput.name, subjects.sandboxClient(chatId)));
    expect(typed.json()).toEqual({ text: 'напиши через 2 минуты' });

    const actionId = randomUUID();
    await publishJson(js, subjects.sandboxOutbox(chatId), { chatId, text: 'Хорошо, напишу вам через 2 минуты', randomId: '2', at: '2026-11-18T07:20:05.000Z' });
    await publishJson(js, subjects.sandboxOutbox(chatId), { chatId, text: 'Добрый день! Удобно сейчас?', randomId: '3', actionId, at: '2026-11-18T07:22:05.000Z' });
    await publishJson(js, subjects.sandboxOutbox('9494'), { chatId: '9494', text: 'someone else', randomId: '4', at: new Date().toISOString() });
    await waitFor('the follow-up printed', () => text.out.includes('Удобно сейчас?'));
    expect(text.out).toContain('[15:20:05] bot: Хорошо, напишу вам через 2 минуты\n');
    expect(text.out).toContain('[15:22:05] bot (follow-up): Добрый день! Удобно сейчас?\n');
    expect(text.out).not.toContain('sent before the chat opened');
    expect(text.out).not.toContain('someone else');

    stdin.write('/operator Иван, это Анна\n');
    const operator = await waitFor('the line on sandbox.operator', () => last(streams.sandboxInput.name, subjects.sandboxOperator(chatId)));
    expect(operator.json()).toEqual({ text: 'Иван, это Анна' });
    stdin.write('/takeover anna\n');
    await waitFor('the takeover', async () => (await readTakeoverState(jsm, chatId)).underHuman);
    await insertActions(db, [newAction({ chatId })]);
    stdin.write('/list\n');
    await waitFor('the action listed', () => text.out.includes(`${chatId}  follow_up`));
    stdin.write('/quit\n');
    expect(await done).toBe(0);
    expect(text.err).toBe('');
  });
});

describe('the real entry point', () => {
  it('runs "followups schedule list" through packages/cli/src/main.ts', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', 'schedule', 'list', '--chat', '6161'], {
      cwd: root,
      env: { ...process.env, ...env() },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ID +CHAT/);
    expect(r.stdout).toContain('human_takeover');
  });
});
