import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { insertActions, waitForActionsSchema, type ActionsDB, type NewAction } from '@followups/actions';
import { streams, subjects } from '@followups/contracts';
import { connectDatabase, ensureStreams } from '@followups/kit';
import { sleep, startTestBed, testLogger, waitFor, type TestBed } from '@followups/kit/testing';
import { startTelegramStandin, type TelegramStandin } from '@followups/telegram/standin';
import { Fleet } from '../support/fleet.js';
import { standinEnv, waitForTelegramConnected } from '../support/telegram.js';

/**
 * Two gateway replicas for one Telegram account: only one may hold the session (a second
 * connection with the same auth key gets AUTH_KEY_DUPLICATED and can get it revoked). The holder
 * is killed with `kill -9` while follow-ups fall due; the other takes the session over after the
 * lease, and every follow-up reaches the client exactly once.
 */
const CHATS = 30;
const log = testLogger('telegram-handover');

describe('Telegram session handover between gateway replicas', () => {
  let bed: TestBed;
  let db: Kysely<ActionsDB>;
  let telegram: TelegramStandin;
  let fleet: Fleet;

  beforeAll(async () => {
    bed = await startTestBed('tg_handover');
    await ensureStreams(bed.jsm, ['leases', 'telegram', 'telegramSent', 'conv', 'dispatch', 'schedule', 'ops', 'attention', 'deadLetter']);
    telegram = startTelegramStandin({ nc: bed.nc });
    fleet = new Fleet({
      NATS_URL: bed.server.url,
      DATABASE_URL: bed.databaseUrl,
      ...(await standinEnv(telegram)),
      TELEGRAM_PER_CHAT_INTERVAL_MS: '100',
      TELEGRAM_SEND_TIMEOUT_MS: '3000',
      SENDING_LEASE_MS: '5000',
    });
    await fleet.start('scheduler', 's1');
    db = await connectDatabase<ActionsDB>(bed.databaseUrl, log);
    await waitForActionsSchema(db, log);
    await Promise.all([fleet.start('dispatcher', 'd1'), fleet.start('dispatcher', 'd2'), fleet.start('gateway', 'g1'), fleet.start('gateway', 'g2')]);
  }, 90_000);
  afterAll(async () => {
    await fleet?.stopAll();
    telegram?.close();
    await db?.destroy();
    await bed?.close();
  });

  const holder = async () => (await bed.jsm.streams.getMessage(streams.leases.name, { last_by_subj: subjects.telegramLease('sales') }))?.json<{ owner: string; released?: boolean }>();

  it('one replica holds the session; after a kill -9 the other takes it, and no follow-up is lost or doubled', async () => {
    await waitForTelegramConnected(bed.jsm);
    expect(telegram.liveConnections()).toBe(1);
    const first = (await holder())!.owner;
    expect(['gateway-g1', 'gateway-g2']).toContain(first);

    // The clients wrote once, so the account knows them (their access hashes come with the updates).
    const chats = Array.from({ length: CHATS }, (_, i) => String(8_100_000 + i));
    for (const chat of chats) telegram.clientWrites(chat, '[sticker]');
    const now = Date.now();
    const rows: NewAction[] = chats.map((chatId, i) => ({
      chatId,
      type: 'follow_up',
      payload: { text: `follow-up ${i}` },
      // Spread over 8 s, so sends are due before, during and after the handover.
      dueAt: new Date(now + 1000 + Math.floor((i * 8000) / CHATS)),
      idempotencyKey: `handover:${i}`,
      source: 'cli',
      cancelOn: [],
      reason: 'handover test',
    }));
    await insertActions(db, rows);

    await sleep(2500);
    const killedAt = new Date();
    await fleet.kill(first.replace('gateway-', ''), 'SIGKILL');
    const second = await waitFor('the other replica holds the session', async () => {
      const h = await holder();
      return h && h.owner !== first ? h.owner : undefined;
    }, 20_000);
    expect(['gateway-g1', 'gateway-g2']).toContain(second);

    await waitFor('every follow-up sent', async () => {
      const r = await db.selectFrom('scheduled_actions').select(({ fn }) => fn.countAll<string>().as('n')).where('idempotency_key', 'like', 'handover:%').where('status', '=', 'sent').executeTakeFirstOrThrow();
      return Number(r.n) === CHATS;
    }, 60_000).catch(async (e: unknown) => {
      const unsent = await db.selectFrom('scheduled_actions').select(['idempotency_key', 'status', 'attempts', 'last_error', 'cancel_reason']).where('idempotency_key', 'like', 'handover:%').where('status', '!=', 'sent').execute();
      throw new Error(`${String(e)}; not sent: ${JSON.stringify(unsent)}`);
    });
    await sleep(1500);

    const sent = telegram.sent().filter((s) => s.text.startsWith('follow-up '));
    expect(new Set(sent.map((s) => s.text)).size).toBe(CHATS);
    expect(sent).toHaveLength(CHATS);
    // Both holders sent some: the handover happened in the middle of the work.
    expect(sent.some((s) => s.at < killedAt) && sent.some((s) => s.at > killedAt)).toBe(true);
    expect(telegram.duplicatedConnections()).toBe(0);
    expect(telegram.liveConnections()).toBe(1);
    expect(fleet.alive().sort()).toEqual(['d1', 'd2', first === 'gateway-g1' ? 'g2' : 'g1', 's1'].sort());
  }, 120_000);
});
