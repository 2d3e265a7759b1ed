import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from '@nats-io/transport-node';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { Kysely } from 'kysely';
import {
  actionMigrations,
  cancelAction,
  getAction,
  getChat,
  insertActions,
  markOptedOut,
  setChatTimeZone,
  type ActionsDB,
  type NewAction,
} from '@followups/actions';
import {
  defaultCancelOn,
  opsAttendedSchema,
  opsReleaseSchema,
  opsTakeoverSchema,
  scheduleDueSchema,
  scheduleIntentSchema,
  streams,
  subjects,
  type OpsAttentionInput,
  type ScheduleCancel,
  type ScheduleIntent,
} from '@followups/contracts';
import { connectDatabase, ensureStreams, migrateToLatest, publishJson, readTakeoverState } from '@followups/kit';
import { startTestBed, testLogger, waitFor, type TestBed, type TestNatsServer } from '@followups/kit/testing';
import { run, runChat, type Io } from '@followups/cli';
import { relaxedMannersEnv } from '../support/relaxed-manners.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const log = testLogger('cli-test');
let bed: TestBed | undefined;
let server: TestNatsServer;
let databaseUrl: string;
let db: Kysely<ActionsDB>;
let nc: NatsConnection;
let js: JetStreamClient;
let jsm: JetStreamManager;

const env = (over: Record<string, string> = {}) => ({ ...relaxedMannersEnv, NATS_URL: server.url, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', CLI_WAIT_MS: '3000', ...over });

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

/** Runs a command in-process; `now` fixes the CLI's clock (relative times, `--since` spans). */
async function cli(argv: string[], over: Record<string, string> = {}, now?: Date) {
  const { io, text } = captureIo(over);
  if (now) io.clock = () => now;
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
            createdBy: i.by,
            timeZone: i.timeZone,
            contextAt: i.contextAt ? new Date(i.contextAt) : undefined,
          },
        ]);
      },
    }),
    nc.subscribe(subjects.scheduleCancel('*'), {
      callback: (_e, m) => {
        const c = m.json<ScheduleCancel>();
        if (c.actionId) void cancelAction(db, c.by ?? 'operator', c.actionId, c.reason, m.subject.split('.')[2]);
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

/** An `ops.attention.<chat>` as the agent publishes it; resolves to the stream's ack. */
const handOff = (chatId: string, over: Partial<OpsAttentionInput> = {}) =>
  publishJson(js, subjects.opsAttention(chatId), { chatId, reason: 'question', text: 'а сколько стоит?', at: new Date().toISOString(), ...over });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('followups attention', () => {
  it('lists the open hand-offs: a later ops.attended or takeover of the chat closes them, an earlier one does not', async () => {
    await ensureStreams(jsm, ['attention', 'ops']);
    const start = new Date(Date.now() - 1000);
    const now = new Date('2026-11-18T07:25:00Z'); // the CLI's clock, for the relative times
    await setChatTimeZone(db, '10101', 'Europe/Moscow', 'operator');

    await handOff('10101', { text: 'dealt with' });
    await publishJson(js, subjects.opsAttended('10101'), { operator: 'anna' });
    const open1 = await handOff('10101', {
      reason: 'complaint',
      text: `вы опять прислали не то ${'очень '.repeat(20)}`,
      at: '2026-11-18T07:20:00.000Z',
      suggested: 'write on Friday 10:00 (Europe/Moscow), after the client has had time to think',
      messageId: 17,
      contact: { name: 'Иван Петров', username: 'ivan' },
    });
    await handOff('10102', { text: 'the operator took over after this' });
    expect((await cli(['takeover', '10102', '--operator', 'boris'])).code).toBe(0);
    expect((await cli(['takeover', '10103'])).code).toBe(0);
    const actionId = randomUUID();
    const open3 = await handOff('10103', { reason: 'call_due', text: 'позвонить в 11', at: '2026-11-18T07:00:00.000Z', by: 'dispatcher', actionId });
    await publishJson(js, subjects.opsAttention('10104'), { chatId: '10104', text: 'no reason given' }); // breaks the contract

    const json = await cli(['attention', '--json', '--since', start.toISOString()], {}, now);
    expect(json.code).toBe(0);
    expect(json.err).toMatch(/1 message\(s\) in ATTENTION break the contract/);
    const items = (JSON.parse(json.out) as { chatId: string }[]).filter((i) => i.chatId.startsWith('1010'));
    expect(items).toEqual([
      {
        chatId: '10101',
        reason: 'complaint',
        text: `вы опять прислали не то ${'очень '.repeat(20)}`,
        at: '2026-11-18T07:20:00.000Z',
        suggested: 'write on Friday 10:00 (Europe/Moscow), after the client has had time to think',
        messageId: 17,
        contact: { name: 'Иван Петров', username: 'ivan' },
        by: 'agent',
        open: true,
        streamSeq: open1.seq,
      },
      { chatId: '10103', reason: 'call_due', text: 'позвонить в 11', at: '2026-11-18T07:00:00.000Z', by: 'dispatcher', actionId, open: true, streamSeq: open3.seq },
    ]);

    const table = await cli(['attention', '--since', start.toISOString()], {}, now);
    expect(table).toMatchObject({ code: 0 });
    const lines = table.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^AT +CHAT +REASON +TEXT +SUGGESTED +CONTACT$/);
    expect(lines.filter((l) => / 1010\d /.test(l))).toHaveLength(2);
    // Each time in its chat's zone: Moscow for 10101, the team's (Asia/Makassar) for 10103.
    expect(lines.find((l) => l.includes(' 10101 '))).toMatch(
      /^2026-11-18 10:20 \(5 min ago\) +10101 +complaint +вы опять прислали не то очень[^…]*… +write on Friday 10:00 \(Europe\/Moscow\),… +Иван Петров @ivan$/,
    );
    expect(lines.find((l) => l.includes(' 10103 '))).toMatch(/^2026-11-18 15:00 \(25 min ago\) +10103 +call_due +позвонить в 11$/);

    expect(JSON.parse((await cli(['attention', '--json', '--chat', '10101', '--since', start.toISOString()])).out)).toMatchObject([{ chatId: '10101', streamSeq: open1.seq }]);
  });

  it("a human typing in the chat closes the hand-offs stored before it, before any takeover is recorded in OPS; the bot writing does not", async () => {
    await ensureStreams(jsm, ['attention', 'ops', 'conv']);
    const start = new Date(Date.now() - 1000);
    const wrote = (chatId: string, by: 'bot' | 'operator') =>
      publishJson(js, subjects.convOut(chatId), { chatId, text: 'Иван, это Анна', at: new Date().toISOString(), by, ...(by === 'operator' ? { operator: 'anna' } : {}) });
    await handOff('10701', { text: 'answered by hand' });
    await wrote('10701', 'operator');
    await handOff('10701', { text: 'asked again' });
    await handOff('10702', { text: 'the bot answered' });
    await wrote('10702', 'bot');

    const items = JSON.parse((await cli(['attention', '--json', '--since', start.toISOString()])).out) as { chatId: string; text: string }[];
    expect(items.filter((i) => i.chatId.startsWith('1070')).map((i) => [i.chatId, i.text])).toEqual([
      ['10701', 'asked again'],
      ['10702', 'the bot answered'],
    ]);
  });

  it('reads only from --since: spans back from now and ISO times', async () => {
    await ensureStreams(jsm, ['attention', 'ops']);
    const old = await handOff('10201', { text: 'before the cut' });
    await pause(50);
    const cut = new Date();
    await pause(50);
    const recent = await handOff('10201', { text: 'after the cut' });
    const seqs = async (argv: string[], now?: Date) => (JSON.parse((await cli(['attention', '--json', '--chat', '10201', ...argv], {}, now)).out) as { streamSeq: number }[]).map((i) => i.streamSeq);

    expect(await seqs(['--since', cut.toISOString()])).toEqual([recent.seq]);
    expect(await seqs(['--since', '30m'])).toEqual([old.seq, recent.seq]);
    expect(await seqs([])).toEqual([old.seq, recent.seq]); // 24h by default
    const later = new Date(Date.now() + 2 * 3_600_000);
    expect(await seqs(['--since', '1h'], later)).toEqual([]);
    expect(await seqs(['--since', '1d'], later)).toEqual([old.seq, recent.seq]);
    expect(await seqs(['--since', '1w'], new Date(Date.now() + 8 * 86_400_000))).toEqual([]);

    const none = await cli(['attention', '--chat', '10201', '--since', '1h'], {}, new Date('2030-01-01T04:00:00Z'));
    expect(none).toEqual({ code: 0, out: 'no open attention items for chat 10201 since 2030-01-01 11:00 (1 h ago)\n', err: '' });
    const bad = await cli(['attention', '--since', 'yesterday']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--since must be a span like 30m, 1h, 2d, 1w or an ISO time, got "yesterday"/);
  });

  it('reads a window larger than one fetch to its end and stops there', async () => {
    await ensureStreams(jsm, ['attention', 'ops']);
    const start = new Date(Date.now() - 1000);
    const chats = ['10401', '10402', '10403'];
    for (let i = 0; i < 1200; i += 100) {
      await Promise.all(Array.from({ length: 100 }, (_, k) => handOff(chats[(i + k) % 3]!, { text: `item ${i + k}` })));
    }
    await publishJson(js, subjects.opsAttended('10402'), {}); // closes its 400
    const began = Date.now();
    const r = await cli(['attention', '--json', '--since', start.toISOString()]);
    expect(Date.now() - began).toBeLessThan(4000); // ended at the stream's end, not on a fetch's expiry
    const items = (JSON.parse(r.out) as { chatId: string; text: string }[]).filter((i) => chats.includes(i.chatId));
    expect(items).toHaveLength(800);
    expect(new Set(items.map((i) => i.chatId))).toEqual(new Set(['10401', '10403']));
    expect(new Set(items.map((i) => i.text)).size).toBe(800);
  });

  it('attention done publishes ops.attended and says how many items it closed', async () => {
    await ensureStreams(jsm, ['attention', 'ops']);
    await handOff('10301', { text: 'первый вопрос' });
    await handOff('10301', { reason: 'call_request', text: 'позвоните мне' });
    await handOff('10302', { text: 'another chat' });

    const done = await cli(['attention', 'done', '10301', '--operator', 'anna']);
    expect(done).toMatchObject({ code: 0, err: '' });
    expect(done.out).toMatch(/^chat 10301: 2 open attention items marked attended by anna \(stored in ATTENTION as #\d+\)\n  question: первый вопрос\n  call_request: позвоните мне\n$/);
    const stored = await last(streams.attention.name, subjects.opsAttended('10301'));
    expect(opsAttendedSchema.parse(stored!.json())).toEqual({ operator: 'anna' });
    expect(JSON.parse((await cli(['attention', '--json', '--chat', '10301'])).out)).toEqual([]);
    expect(JSON.parse((await cli(['attention', '--json', '--chat', '10302'])).out)).toHaveLength(1); // other chats stay open

    const again = await cli(['attention', 'done', '10301']);
    expect(again.out).toMatch(/^chat 10301 had no open attention items; marked attended anyway \(stored in ATTENTION as #\d+\)\n$/);
    expect((await last(streams.attention.name, subjects.opsAttended('10301')))!.json()).toEqual({});

    await handOff('10301', { text: 'a new question after it' });
    expect(JSON.parse((await cli(['attention', '--json', '--chat', '10301'])).out)).toMatchObject([{ text: 'a new question after it' }]);
  });
});

describe('followups optout', () => {
  it('lists the do-not-contact chats and lifts a mark, saying whether there was one', async () => {
    const now = new Date('2026-11-20T02:00:00Z');
    expect(await cli(['optout', 'list'])).toEqual({ code: 0, out: 'no chats are marked do-not-contact\n', err: '' });
    await setChatTimeZone(db, '20201', 'Europe/Moscow', 'client');
    await markOptedOut(db, '20201', { at: new Date('2026-11-18T07:20:00Z'), by: 'client', messageId: 7 });
    await markOptedOut(db, '20202', { at: new Date('2026-11-19T02:00:00Z'), by: 'operator' });

    const json = await cli(['optout', 'list', '--json']);
    expect(JSON.parse(json.out)).toEqual([
      { chatId: '20202', optedOutAt: '2026-11-19T02:00:00.000Z', by: 'operator', messageId: null },
      { chatId: '20201', optedOutAt: '2026-11-18T07:20:00.000Z', by: 'client', messageId: 7 },
    ]);
    const table = await cli(['optout', 'list'], {}, now);
    expect(table.out).toBe(
      'CHAT   SINCE (CHAT TIME)           BY        MESSAGE\n' +
        '20202  2026-11-19 10:00 (1 d ago)  operator\n' +
        '20201  2026-11-18 10:20 (2 d ago)  client    7\n',
    );

    const cleared = await cli(['optout', 'clear', '20201'], {}, now);
    expect(cleared).toEqual({ code: 0, out: 'chat 20201: do-not-contact mark lifted (set by the client 2026-11-18 10:20 (2 d ago)); the bot may write to it again\n', err: '' });
    expect((await getChat(db, '20201')).optedOut).toBeNull();
    expect((await getChat(db, '20201')).timeZone).toBe('Europe/Moscow'); // only the mark goes
    expect(await cli(['optout', 'clear', '20201'])).toEqual({ code: 0, out: 'chat 20201 is not marked do-not-contact: nothing to clear\n', err: '' });
    expect((await cli(['optout', 'clear', '20299'])).out).toBe('chat 20299 is not marked do-not-contact: nothing to clear\n');
    expect(JSON.parse((await cli(['optout', 'list', '--json'])).out)).toMatchObject([{ chatId: '20202' }]);
  });
});

describe('followups chat tz / chat show', () => {
  it('sets the chat\'s zone from an IANA name or a place, refuses what it cannot place, and goes back to the default', async () => {
    const now = new Date('2026-11-18T07:20:00Z');
    const zone = async () => {
      const c = await getChat(db, '30301');
      return [c.timeZone, c.timeZoneSource];
    };
    expect(await cli(['chat', 'tz', '30301', 'Europe/Berlin'], {}, now)).toEqual({
      code: 0,
      out: "chat 30301: time zone Europe/Berlin; the chat's time now is 2026-11-18 08:20:00 Wed GMT+1\n",
      err: '',
    });
    expect(await zone()).toEqual(['Europe/Berlin', 'operator']);
    expect((await cli(['chat', 'tz', '30301', 'america/new_york'], {}, now)).out).toMatch(/time zone America\/New_York;/);
    expect(await zone()).toEqual(['America/New_York', 'operator']);

    const place = await cli(['chat', 'tz', '30301', 'Нижний', 'Новгород'], {}, now);
    expect(place.out).toBe('chat 30301: time zone Europe/Moscow (the place "Нижний Новгород"); the chat\'s time now is 2026-11-18 10:20:00 Wed GMT+3\n');
    expect(await zone()).toEqual(['Europe/Moscow', 'operator']);
    expect((await cli(['chat', 'tz', '30301', 'UTC+5'], {}, now)).out).toMatch(/time zone Etc\/GMT-5 \(the offset "UTC\+5"\); the chat's time now is 2026-11-18 12:20:00 Wed GMT\+5/);

    for (const bad of ['Mars/Olympus', 'Россия']) {
      const r = await cli(['chat', 'tz', '30301', bad]);
      expect({ code: r.code, out: r.out }).toEqual({ code: 2, out: '' });
      expect(r.err).toContain(`unknown time zone or place "${bad}": give an IANA name (Europe/Moscow), a city or country with one zone`);
    }
    expect((await cli(['chat', 'tz', '30301'])).err).toMatch(/missing <zone>/);
    expect(await zone()).toEqual(['Etc/GMT-5', 'operator']); // unchanged by the refusals

    expect((await cli(['chat', 'tz', '30301', 'default'], {}, now)).out).toBe(
      "chat 30301: time zone back to the team's default, Asia/Makassar; the chat's time now is 2026-11-18 15:20:00 Wed GMT+8\n",
    );
    expect(await zone()).toEqual([null, null]);
  });

  it('chat show tells the zone, opt-out, takeover, open hand-offs and live actions, as text and --json', async () => {
    await ensureStreams(jsm, ['attention', 'ops']);
    const chatId = '40401';
    const now = new Date(Date.now() + 60_000);
    await setChatTimeZone(db, chatId, 'Europe/Moscow', 'operator');
    await markOptedOut(db, chatId, { at: new Date(now.getTime() - 2 * 86_400_000), by: 'client', messageId: 9 });
    await handOff(chatId, { text: 'closed by the takeover' });
    expect((await cli(['takeover', chatId, '--operator', 'anna'])).code).toBe(0);
    const stillOpen = await handOff(chatId, { reason: 'opted_out_client_wrote', text: 'а можно всё-таки?', at: new Date(now.getTime() - 5 * 60_000).toISOString() });
    const [live] = await insertActions(db, [
      newAction({ chatId, dueAt: new Date(now.getTime() + 3 * 3_600_000), payload: { text: 'Добрый день!' } }),
      newAction({ chatId, cancelReason: 'client_opted_out' }), // ended: not shown
    ]);

    const text = await cli(['chat', 'show', chatId], {}, now);
    expect(text).toMatchObject({ code: 0, err: '' });
    const lines = text.out.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      `chat         ${chatId}`,
      expect.stringMatching(/^time zone    Europe\/Moscow \(set by the operator\), now \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \w{3} GMT\+3$/),
      expect.stringMatching(/^opted out    yes, by the client, \d{4}-\d\d-\d\d \d\d:\d\d \(2 d ago\)$/),
      expect.stringMatching(/^under human  yes, anna, since \d{4}-\d\d-\d\d \d\d:\d\d \((1 min|\d+ s) ago\)$/),
      'attention    1 open',
      'actions      1 live (pending or claimed)',
    ]);
    expect(text.out).toMatch(/\nopen attention:\n  AT +CHAT +REASON +TEXT +SUGGESTED +CONTACT\n  \d{4}-\d\d-\d\d \d\d:\d\d \(5 min ago\) +40401 +opted_out_client_wrote +а можно всё-таки\?\n/);
    expect(text.out).toMatch(new RegExp(`\\nlive actions:\\n  ID .*\\n  ${live!.id}  40401  follow_up  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(in 3 h\\)  Europe/Moscow +pending +0\\n$`));

    const json = JSON.parse((await cli(['chat', 'show', chatId, '--json'], {}, now)).out) as Record<string, unknown>;
    expect(json).toEqual({
      chatId,
      timeZone: 'Europe/Moscow',
      teamDefault: false,
      timeZoneSource: 'operator',
      localNow: expect.stringMatching(/GMT\+3$/),
      optedOut: { at: new Date(now.getTime() - 2 * 86_400_000).toISOString(), by: 'client', messageId: 9 },
      underHuman: { operator: 'anna', since: expect.any(String) },
      openAttention: [expect.objectContaining({ chatId, reason: 'opted_out_client_wrote', open: true, streamSeq: stillOpen.seq })],
      actions: [expect.objectContaining({ id: live!.id, status: 'pending', timeZone: 'Europe/Moscow', text: 'Добрый день!', reason: null })],
    });

    expect(JSON.parse((await cli(['chat', 'show', '40402', '--json'], {}, new Date('2026-11-18T07:20:00Z'))).out)).toEqual({
      chatId: '40402',
      timeZone: 'Asia/Makassar',
      teamDefault: true,
      timeZoneSource: null,
      localNow: '2026-11-18 15:20:00 Wed GMT+8',
      optedOut: null,
      underHuman: null,
      openAttention: [],
      actions: [],
    });
    const plain = await cli(['chat', 'show', '40402']);
    expect(plain.out).toMatch(/^chat         40402\ntime zone    Asia\/Makassar \(team default\), now .*\nopted out    no\nunder human  no\nattention    none open\nactions      none live\n$/);
  });
});

describe('the operator commands\' help and bad input', () => {
  it('gives each new command a --help, lists them in the overview, and refuses bad input with exit 2', async () => {
    for (const [argv, usage] of [
      [['attention', '--help'], 'usage: followups attention [--since 24h] [--chat C] [--json]'],
      [['attention', 'done', '--help'], 'usage: followups attention done <chat> [--operator NAME]'],
      [['optout', 'clear', '-h'], 'usage: followups optout clear <chat>'],
      [['optout', 'list', '--help'], 'usage: followups optout list [--json]'],
      [['chat', 'tz', '--help'], 'usage: followups chat tz <chat> <zone>'],
      [['chat', 'show', '--help'], 'usage: followups chat show <chat> [--json]'],
      [['schedule', 'list', '--help'], 'usage: followups schedule list [--chat C] [--status S] [--limit N] [--json]'],
    ] as const) {
      const r = await cli([...argv]);
      expect({ argv, code: r.code, first: r.out.split('\n')[0] }).toEqual({ argv, code: 0, first: usage });
    }
    const overview = await cli(['--help']);
    for (const line of ['attention done <chat>', 'chat show <chat>', 'chat tz <chat> <zone>', 'optout list', 'optout clear <chat>']) expect(overview.out).toContain(`  ${line}`);

    const cases: [string[], RegExp][] = [
      [['attention', 'later'], /unexpected argument "later": did you mean "attention done <chat>"\?/],
      [['attention', '--chat', 'abc'], /bad chat id "abc"/],
      [['attention', 'done'], /missing <chat>/],
      [['attention', 'done', '12x'], /bad chat id "12x"/],
      [['attention', 'done', '1', '--operator', 'x'.repeat(201)], /--operator: Too big/i],
      [['optout'], /"optout" needs a subcommand/],
      [['optout', 'clear'], /missing <chat>/],
      [['optout', 'list', 'x'], /unexpected argument "x"/],
      [['chat', 'show', 'me'], /bad chat id "me"/],
      [['chat', 'tz', 'x', 'UTC'], /bad chat id "x"/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(argv);
      expect({ argv, code: r.code, out: r.out }).toEqual({ argv, code: 2, out: '' });
      expect(r.err).toMatch(message);
    }
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

  it('reads a day phrase in the zone the chat has (chat tz), not the team\'s', async () => {
    expect((await cli(['chat', 'tz', '5454', 'Europe/Moscow'])).code).toBe(0);
    const now = new Date('2026-11-18T07:20:00.000Z');
    const { io, text } = captureIo({ CLI_WAIT_MS: '100' });
    io.clock = () => now;
    expect(await run(['schedule', 'create', '5454', 'завтра в 10', 'Доброе утро!'], io)).toBe(0);
    expect(text.out).toContain('2026-11-19T07:00:00.000Z');
    expect(text.out).toContain('Europe/Moscow');
  });

  it('refuses bad input with a clear message, a non-zero exit and nothing published', async () => {
    const before = (await jsm.streams.info(streams.schedule.name)).state.messages;
    const cases: [string[], RegExp][] = [
      [['schedule', 'create', 'abc', '2h', 'hi'], /bad chat id "abc"/],
      [['schedule', 'create', '5353', 'whenever', 'hi'], /cannot understand the time "whenever"/],
      [['schedule', 'create', '5353', '2020-01-01T00:00:00Z', 'hi'], /is in the past/],
      [['schedule', 'create', '5353', '9999-12-31T00:00:00Z', 'hi'], /more than 365 days ahead/],
      [['schedule', 'create', '5353', '2h', 'x'.repeat(4097)], /is 4097 characters; a Telegram message holds 4096/],
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
    expect(lines[0]).toMatch(/^ID +CHAT +TYPE +DUE \(CHAT TIME\) +ZONE +STATUS +REASON +ATTEMPTS$/);
    const [cancelledLine, pendingLine] = [lines.find((l) => l.startsWith(cancelled!.id))!, lines.find((l) => l.startsWith(pending!.id))!];
    // The scheduling reason ("client asked: …") is not an outcome: REASON stays empty for a live action.
    expect(pendingLine).toMatch(/ 6161 +follow_up +\d{4}-\d\d-\d\d \d\d:\d\d \(in 1 h\) +Asia\/Makassar +pending +0$/);
    expect(cancelledLine).toMatch(/ 6161 +reminder .* cancelled +human_takeover +0$/);
    expect(pendingLine.indexOf('pending')).toBe(lines[0]!.indexOf('STATUS'));
    expect(cancelledLine.indexOf('cancelled')).toBe(lines[0]!.indexOf('STATUS'));
    expect(cancelledLine.indexOf('human_takeover')).toBe(lines[0]!.indexOf('REASON'));

    const onlyCancelled = await cli(['schedule', 'list', '--chat', '6161', '--status', 'cancelled']);
    expect(onlyCancelled.out).toContain(cancelled!.id);
    expect(onlyCancelled.out).not.toContain(pending!.id);
    expect((await cli(['schedule', 'list', '--chat', '999999'])).out).toBe('no actions\n');
  });

  it('shows each action in its chat\'s zone: --json with the local due time, text and end reason; the table with relative times', async () => {
    const now = new Date('2036-11-18T07:20:00Z'); // far ahead: nothing here is due for run-due's pass below
    const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
    await setChatTimeZone(db, '6464', 'Asia/Tokyo', 'client');
    const [berlin, cancelled, call, failed, sent] = await insertActions(db, [
      newAction({ chatId: '6464', timeZone: 'Europe/Berlin', dueAt: hours(3), payload: { text: 'Guten Tag!' }, reason: 'client asked: in 3 hours' }),
      newAction({ chatId: '6464', type: 'reminder', dueAt: hours(-48), payload: { text: 'Встреча завтра' }, cancelReason: 'human_takeover' }),
      newAction({ chatId: '6464', type: 'call', dueAt: hours(0.5), payload: { note: 'позвонить про тариф' }, cancelOn: [] }),
      newAction({ chatId: '6565', dueAt: hours(-5) }),
      newAction({ chatId: '6565', dueAt: hours(-6) }),
    ]);
    await db.updateTable('scheduled_actions').set({ status: 'failed', cancel_reason: 'bot_blocked' }).where('id', '=', failed!.id).execute();
    await db.updateTable('scheduled_actions').set({ status: 'sent' }).where('id', '=', sent!.id).execute();

    const json = await cli(['schedule', 'list', '--json', '--limit', '20'], {}, now);
    expect(json).toMatchObject({ code: 0, err: '' });
    const byId = new Map((JSON.parse(json.out) as { id: string }[]).map((a) => [a.id, a]));
    expect(byId.get(berlin!.id)).toEqual({
      id: berlin!.id, chatId: '6464', type: 'follow_up', dueAt: '2036-11-18T10:20:00.000Z', localDue: '2036-11-18 11:20',
      timeZone: 'Europe/Berlin', status: 'pending', reason: null, text: 'Guten Tag!',
    }); // the zone it was scheduled in wins over the chat's
    expect(byId.get(cancelled!.id)).toMatchObject({ type: 'reminder', localDue: '2036-11-16 16:20', timeZone: 'Asia/Tokyo', status: 'cancelled', reason: 'human_takeover', text: 'Встреча завтра' });
    expect(byId.get(call!.id)).toMatchObject({ type: 'call', localDue: '2036-11-18 16:50', timeZone: 'Asia/Tokyo', reason: null, text: 'позвонить про тариф' });
    expect(byId.get(failed!.id)).toMatchObject({ chatId: '6565', localDue: '2036-11-18 10:20', timeZone: 'Asia/Makassar', status: 'failed', reason: 'bot_blocked' });
    expect(byId.get(sent!.id)).toMatchObject({ status: 'sent', reason: null }); // sent: nothing went wrong

    const table = await cli(['schedule', 'list', '--limit', '20'], {}, now);
    const lines = table.out.trimEnd().split('\n');
    const line = (id: string) => lines.find((l) => l.startsWith(id))!;
    const reasonCell = (id: string) => line(id).slice(lines[0]!.indexOf('REASON'), lines[0]!.indexOf('ATTEMPTS')).trim();
    expect(line(berlin!.id)).toMatch(/ 2036-11-18 11:20 \(in 3 h\) +Europe\/Berlin +pending /);
    expect(line(cancelled!.id)).toMatch(/ 2036-11-16 16:20 \(2 d ago\) +Asia\/Tokyo +cancelled /);
    expect(line(call!.id)).toMatch(/ 2036-11-18 16:50 \(in 30 min\) +Asia\/Tokyo +pending /);
    expect(line(failed!.id)).toMatch(/ 2036-11-18 10:20 \(5 h ago\) +Asia\/Makassar +failed /);
    expect([berlin, cancelled, call, failed, sent].map((a) => reasonCell(a!.id))).toEqual(['', 'human_takeover', '', 'bot_blocked', '']);
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
    await ensureStreams(jsm, ['sandboxDelivered', 'attention']); // as the dispatcher would have
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

    // A hand-off to a human is part of what happened to the line typed: shown too.
    await handOff(chatId, { reason: 'question', suggested: 'answer the price' });
    await waitFor('the hand-off printed', () => text.out.includes('→ handed to a human (question): answer the price'));

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
  it('exits quietly when the reader of its output goes away (`followups … | head -1`)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', 'when', '--batch'], { cwd: root, env: { ...process.env, ...env() } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Like `head -1`: read the first line, then close the pipe while the CLI is still writing.
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.on('error', () => {}); // it may stop reading before all input is written
    child.stdin.end(Array.from({ length: 50_000 }, () => '{"text":"через 2 часа","now":"2026-11-18T07:20:00Z"}\n').join(''));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

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
