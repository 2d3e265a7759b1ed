import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { connectDatabase, migrateToLatest } from '@followups/kit';
import { createTestDatabase, testLogger } from '@followups/kit/testing';
import { Migrator } from 'kysely';
import { actionMigrations, getChat, type ActionsDB } from '@followups/actions';
import { touchChat } from './chats.js';
import { finishMessage, recentHistory, storeClientMessage } from './history.js';
import { agentMigrations } from './migrations/index.js';
import type { AgentDB } from './schema.js';

const log = testLogger();
let db: Kysely<AgentDB>;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 18, 7, minute));

beforeAll(async () => {
  db = await connectDatabase<AgentDB>(await createTestDatabase('agenthist'), log);
  await migrateToLatest(db, actionMigrations, 'actions', log);
  // Two agents starting at once: the migrator's lock applies each migration once.
  await Promise.all([migrateToLatest(db, agentMigrations, 'agent', log), migrateToLatest(db, agentMigrations, 'agent', log)]);
});
afterAll(async () => db?.destroy());

describe('agent history', () => {
  it('stores a client message once and knows when it was handled', async () => {
    const m = { chatId: '1', messageId: 5, text: 'привет', at: at(0) };
    expect(await storeClientMessage(db, m)).toEqual({ handled: false });
    expect(await storeClientMessage(db, m)).toEqual({ handled: false }); // interrupted before finishing: decide again
    await finishMessage(db, { chatId: '1', messageId: 5, reply: 'Здравствуйте!', at: at(1), keep: 50 });
    expect(await storeClientMessage(db, m)).toEqual({ handled: true });
    const rows = await db.selectFrom('agent_messages').selectAll().where('chat_id', '=', '1').execute();
    expect(rows.map((r) => [r.role, r.text])).toEqual([['client', 'привет'], ['bot', 'Здравствуйте!']]);
  });

  it('keeps the newest rows of a chat up to the limit and gives the brain the rest in order', async () => {
    for (let i = 1; i <= 6; i++) {
      await storeClientMessage(db, { chatId: '2', messageId: i, text: `m${i}`, at: at(i) });
      await finishMessage(db, { chatId: '2', messageId: i, reply: `r${i}`, at: at(i), keep: 5 });
    }
    await storeClientMessage(db, { chatId: '3', messageId: 1, text: 'other chat', at: at(0) });
    const history = await recentHistory(db, '2', 50, 99);
    expect(history.map((h) => h.text)).toEqual(['r4', 'm5', 'r5', 'm6', 'r6']);
    expect(history.at(-1)).toMatchObject({ role: 'bot', messageId: 6 });
    // The message being answered is not part of its own context.
    expect((await recentHistory(db, '2', 50, 6)).map((h) => h.text)).toEqual(['r4', 'm5', 'r5', 'r6']);
    expect(await recentHistory(db, '3', 50, 99)).toHaveLength(1);
  });

  it('remembers a chat\'s language and keeps it when a message has no letters', async () => {
    expect(await touchChat(db, '4', 'ru', at(0))).toEqual({ language: 'ru' });
    expect(await touchChat(db, '4', null, at(1))).toEqual({ language: 'ru' });
    expect(await touchChat(db, '4', 'en', at(2))).toEqual({ language: 'en' });
  });

  it('moves the zones and opt-outs it kept itself into the shared chats table', async () => {
    const old = await connectDatabase<any>(await createTestDatabase('agentmove'), log);
    try {
      await migrateToLatest(old, actionMigrations, 'actions', log);
      const migrator = new Migrator({ db: old, provider: { getMigrations: async () => agentMigrations }, migrationTableName: 'agent_migrations', migrationLockTableName: 'agent_migrations_lock' });
      expect((await migrator.migrateTo('0002-agent-opt-out')).error).toBeUndefined();
      await old
        .insertInto('agent_chats')
        .values([
          { chat_id: '7', time_zone: 'Europe/Moscow', language: 'ru', updated_at: at(0), opted_out_at: null },
          { chat_id: '8', time_zone: null, language: 'en', updated_at: at(0), opted_out_at: at(1) },
          { chat_id: '9', time_zone: null, language: 'en', updated_at: at(0), opted_out_at: null },
        ])
        .execute();
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const store = old as Kysely<ActionsDB>;
      expect(await getChat(store, '7')).toMatchObject({ timeZone: 'Europe/Moscow', timeZoneSource: 'client', optedOut: null });
      expect(await getChat(store, '8')).toMatchObject({ timeZone: null, optedOut: { at: at(1), by: 'client', messageId: null } });
      expect((await old.selectFrom('chats').select('chat_id').where('chat_id', '=', '9').execute()).length).toBe(0);
    } finally {
      await old.destroy();
    }
  });
});
