import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { getAction, waitForActionsSchema, type ActionsDB } from '@followups/actions';
import { connectDatabase } from '@followups/kit';
import { localParts } from '@followups/when';
import { startTestBed, testLogger, waitFor, type TestBed } from '@followups/kit/testing';
import { loadConfig as schedulerConfig, startScheduler, type RunningScheduler } from '@followups/scheduler';
import { run, type Io } from '@followups/cli';
import { relaxedMannersEnv } from '../support/relaxed-manners.js';

/**
 * The operators' tools against a real scheduler: an action's history (created, rescheduled,
 * cancelled — each by whom), rescheduling, who holds which chat, and the warnings around takeovers.
 */
describe('followups: the operators\' tools', () => {
  let bed: TestBed;
  let db: Kysely<ActionsDB>;
  let scheduler: RunningScheduler;
  const log = testLogger('cli-operators');
  const env = (over: Record<string, string> = {}) => ({ ...relaxedMannersEnv, NATS_URL: bed.server.url, DATABASE_URL: bed.databaseUrl, LOG_LEVEL: 'silent', CLI_WAIT_MS: '5000', ...over });

  async function cli(argv: string[], over: Record<string, string> = {}) {
    const text = { out: '', err: '' };
    const io: Io = { stdout: { write: (s: string) => (text.out += s) }, stderr: { write: (s: string) => (text.err += s) }, env: env(over), clock: () => new Date() };
    const code = await run(argv, io);
    return { code, ...text };
  }
  const idOf = (out: string) => /scheduled\s+([0-9a-f-]{36})/.exec(out)![1]!;

  beforeAll(async () => {
    bed = await startTestBed('cli_operators');
    scheduler = await startScheduler({ config: schedulerConfig({ ...env(), INSTANCE_ID: 's1' }), log });
    db = await connectDatabase<ActionsDB>(bed.databaseUrl, log);
    await waitForActionsSchema(db, log);
  }, 60_000);
  afterAll(async () => {
    await scheduler?.stop();
    await db?.destroy();
    await bed?.close();
  });

  it('shows the whole history of an action that was created, rescheduled and cancelled, each by whom', async () => {
    const created = await cli(['schedule', 'create', '9001', '3d', 'Добрый день! Как вам предложение?'], { FOLLOWUPS_USER: 'anna' });
    expect(created.code).toBe(0);
    const id = idOf(created.out);

    const moved = await cli(['schedule', 'reschedule', id, '2026-12-31 15:00', '--tz', 'Europe/Moscow'], { FOLLOWUPS_USER: 'boris' });
    expect(moved).toMatchObject({ code: 0, err: '' });
    expect(moved.out).toMatch(/rescheduled [0-9a-f-]{36}\nwas\s+.+\ndue\s+2026-12-31 15:00:00 Thu GMT\+3 \(Europe\/Moscow\)/);
    expect((await getAction(db, id))!.due_at.toISOString()).toBe('2026-12-31T12:00:00.000Z');

    expect((await cli(['schedule', 'cancel', id], { FOLLOWUPS_USER: 'vera' })).code).toBe(0);

    const shown = await cli(['schedule', 'show', id]);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(`action        ${id}`);
    expect(shown.out).toMatch(/status\s+cancelled \(cancelled_by_operator\)/);
    expect(shown.out).toMatch(/asked by\s+cli:anna: scheduled from the CLI/);
    expect(shown.out).toMatch(/created pending\s+cli:anna/);
    expect(shown.out).toMatch(/pending again\s+cli:boris\s+rescheduled from \S+ \(due now 2026-12-31 20:00:00 Thu GMT\+8\)/);
    expect(shown.out).toMatch(/pending → cancelled\s+cli:vera\s+cancelled_by_operator/);

    const json = JSON.parse((await cli(['schedule', 'show', id, '--json'])).out);
    expect(json).toMatchObject({ id, chatId: '9001', status: 'cancelled', createdBy: 'cli:anna', cancelOn: ['client_reply', 'takeover'] });
    expect(json.history.map((e: { from: string | null; to: string; actor: string }) => [e.from, e.to, e.actor])).toEqual([
      [null, 'pending', 'cli:anna'],
      ['pending', 'pending', 'cli:boris'],
      ['pending', 'cancelled', 'cli:vera'],
    ]);
    expect(json.history[1].dueAt).toBe('2026-12-31T12:00:00.000Z');
  });

  it('schedule create keeps the send window and moves a named day off a public holiday, saying so; --any-hour keeps the time', async () => {
    // 25 December, Christmas, a public holiday in Indonesia (the team's zone is Asia/Makassar).
    const manners = { SEND_WINDOW_FROM: '09:00', SEND_WINDOW_TO: '21:00', HOLIDAYS_COUNTRY: 'ID' };
    const moved = await cli(['schedule', 'create', '9301', '25 декабря', 'С наступающим!'], manners);
    expect(moved.code).toBe(0);
    expect(moved.err).toMatch(/^note: \d{4}-12-25 10:00:00 \w{3} GMT\+8 is a public holiday \(.+\); moved to \d{4}-12-2\d 10:00:00 \w{3} GMT\+8 \(--any-hour keeps it\)/);
    const row = await getAction(db, idOf(moved.out));
    expect(localParts(row!.due_at, 'Asia/Makassar')).toMatchObject({ month: 12, hour: 10 });
    expect(localParts(row!.due_at, 'Asia/Makassar').day).not.toBe(25);

    const night = await cli(['schedule', 'create', '9302', '2027-01-14T23:30:00+08:00', 'Поздно'], manners);
    expect(night.err).toMatch(/is outside the send window; moved to 2027-01-15 09:00:00 Fri GMT\+8/);
    const kept = await cli(['schedule', 'create', '9303', '2027-01-14T23:30:00+08:00', 'Поздно', '--any-hour'], manners);
    expect(kept.err).toBe('');
    expect((await getAction(db, idOf(kept.out)))!.due_at.toISOString()).toBe('2027-01-14T15:30:00.000Z');
  });

  it('refuses to reschedule what is no longer pending, an unknown action, or a time in the past', async () => {
    const id = idOf((await cli(['schedule', 'create', '9002', '2h', 'Напоминаю о нашем разговоре'])).out);
    expect(await cli(['schedule', 'reschedule', id, '2020-01-01T10:00:00Z'])).toMatchObject({ code: 2, err: expect.stringMatching(/in the past/) });
    expect(await cli(['schedule', 'reschedule', id, 'когда-нибудь'])).toMatchObject({ code: 2, err: expect.stringMatching(/cannot understand the time/) });
    expect((await cli(['schedule', 'cancel', id])).code).toBe(0);
    expect(await cli(['schedule', 'reschedule', id, '1d'])).toMatchObject({ code: 1, err: expect.stringMatching(/is cancelled: only a pending action can be rescheduled/) });
    expect(await cli(['schedule', 'reschedule', '00000000-0000-4000-8000-000000000000', '1d'])).toMatchObject({ code: 1, err: expect.stringMatching(/no action/) });
    expect(await cli(['schedule', 'show', '00000000-0000-4000-8000-000000000000'])).toMatchObject({ code: 1, err: expect.stringMatching(/no action/) });
  });

  it('lists who holds which chat, warns on a takeover over another operator, and says when there is nothing to release', async () => {
    expect((await cli(['takeovers'])).out).toMatch(/no chat is held by a human/);
    expect((await cli(['takeover', '9101', '--operator', 'anna'])).err).toBe('');
    expect((await cli(['takeover', '9102'])).code).toBe(0);

    const over = await cli(['takeover', '9101', '--operator', 'boris']);
    expect(over.code).toBe(0);
    expect(over.err).toMatch(/warning: chat 9101 is already held by anna since \S+; taking it over for boris/);

    const listed = await cli(['takeovers']);
    expect(listed.out).toMatch(/chat\s+operator\s+since/);
    expect(listed.out).toMatch(/9102\s+\(unnamed\)/);
    expect(listed.out).toMatch(/9101\s+boris/);
    const json = JSON.parse((await cli(['takeovers', '--json'])).out) as Array<{ chatId: string; operator: string | null; since: string }>;
    expect(json.map((h) => [h.chatId, h.operator])).toEqual([
      ['9102', null],
      ['9101', 'boris'],
    ]);

    expect((await cli(['release', '9101'])).out).toMatch(/chat 9101 released to the bot/);
    expect((await cli(['release', '9101'])).out).toMatch(/chat 9101 is not held by anyone: the bot already handles it, nothing to release/);
    expect((await cli(['release', '7777'])).out).toMatch(/not held by anyone/);
    expect(JSON.parse((await cli(['takeovers', '--json'])).out).map((h: { chatId: string }) => h.chatId)).toEqual(['9102']);
  });

  it('status <chat> tells the zone, the takeover holder and since when, and the pending actions', async () => {
    await cli(['schedule', 'create', '9201', '1w', 'Добрый день!']);
    await cli(['takeover', '9201', '--operator', 'gleb']);
    await waitFor('the takeover applied', async () => (await getAction(db, (await db.selectFrom('scheduled_actions').select('id').where('chat_id', '=', '9201').executeTakeFirstOrThrow()).id))?.status === 'cancelled');
    const status = await cli(['status', '9201']);
    expect(status.code).toBe(0);
    expect(status.out).toMatch(/time zone\s+Asia\/Makassar \(team default\)/);
    expect(status.out).toMatch(/under human\s+yes, gleb, since/);
    expect(status.out).toMatch(/actions\s+none live/);
  });
});
