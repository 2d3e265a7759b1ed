import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertActions, type ActionsDB } from '@followups/actions';
import { connectDatabase } from '@followups/kit';
import { freePort, startNatsServer, startPostgresServer, testLogger, waitFor, type TestNatsServer, type TestPostgresServer } from '@followups/kit/testing';
import { loadConfig as dispatcherConfig, startDispatcher, type RunningDispatcher } from '@followups/dispatcher';
import { loadConfig as schedulerConfig, startScheduler, type RunningScheduler } from '@followups/scheduler';
import type { Kysely } from 'kysely';
import { relaxedMannersEnv } from '../support/relaxed-manners.js';

/** `/healthz` and `/metrics` over real HTTP, against a Postgres of the test's own that it stops. */
describe('health and metrics over HTTP', () => {
  let nats: TestNatsServer;
  let pg: TestPostgresServer;
  let scheduler: RunningScheduler;
  let dispatcher: RunningDispatcher;
  let db: Kysely<ActionsDB>;
  let ports: { scheduler: number; dispatcher: number };
  const log = testLogger('health');
  const get = async (service: keyof typeof ports, path: string) => {
    const res = await fetch(`http://127.0.0.1:${ports[service]}${path}`);
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    [nats, pg] = await Promise.all([startNatsServer(), startPostgresServer()]);
    ports = { scheduler: await freePort(), dispatcher: await freePort() };
    const url = new URL(pg.url);
    url.pathname = '/followups';
    const env = { ...relaxedMannersEnv, NATS_URL: nats.url, DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' };
    scheduler = await startScheduler({ config: schedulerConfig({ ...env, INSTANCE_ID: 's', HEALTH_PORT: String(ports.scheduler) }), log });
    dispatcher = await startDispatcher({ config: dispatcherConfig({ ...env, INSTANCE_ID: 'd', HEALTH_PORT: String(ports.dispatcher) }), log });
    db = await connectDatabase<ActionsDB>(url.toString(), log);
  }, 60_000);
  afterAll(async () => {
    await dispatcher?.stop();
    await scheduler?.stop();
    await db?.destroy();
    await nats?.stop();
    await pg?.close();
  });

  it('says ready, with each check, when NATS, Postgres and the consumers are up', async () => {
    for (const service of ['scheduler', 'dispatcher'] as const) {
      const health = await get(service, '/healthz');
      expect(health.status).toBe(200);
      expect(JSON.parse(health.text)).toEqual({ service, status: 'ready', checks: { nats: 'up', postgres: 'up', consumers: 'up' } });
    }
    expect((await get('scheduler', '/nope')).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${ports.scheduler}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('counts what was sent and how late, what the consumers settled, and the durable consumers\' backlog', async () => {
    await insertActions(db, [{ chatId: '4242', type: 'follow_up', payload: { text: 'metrics' }, dueAt: new Date(Date.now() + 500), cancelOn: [], reason: '', idempotencyKey: 'm1', source: 'api' }]);
    const metrics = await waitFor('the send counted', async () => {
      const { text } = await get('dispatcher', '/metrics');
      return /followups_actions_total\{service="dispatcher",type="follow_up",status="sent",reason=""\} 1/.test(text) ? text : undefined;
    });
    expect(metrics).toMatch(/followups_action_lateness_seconds_count\{service="dispatcher",type="follow_up"\} 1/);
    expect(metrics).toMatch(/followups_consumer_messages_total\{service="dispatcher",consumer="dispatcher",outcome="ack"\} \d+/);
    expect(metrics).toMatch(/followups_consumer_pending\{consumer="dispatcher"\} 0/);
    expect(metrics).toMatch(/followups_consumer_redelivered\{consumer="dispatcher"\} 0/);
    expect(metrics).toMatch(/# TYPE followups_dead_letters_total counter/);
    expect(metrics).toMatch(/# TYPE followups_claude_request_seconds histogram/);
    expect(metrics).toMatch(/# TYPE followups_telegram_flood_waits_total counter/);
    expect(metrics).toMatch(/followups_process_resident_memory_bytes \d+/);
  });

  it('is not ready while Postgres is down, and ready again when it is back', async () => {
    await pg.stop();
    const down = await waitFor('not ready', async () => {
      const r = await get('scheduler', '/healthz');
      return r.status === 503 ? JSON.parse(r.text) : undefined;
    });
    expect(down).toMatchObject({ status: 'not_ready', checks: { nats: 'up', postgres: 'down' } });
    await pg.start();
    await waitFor('ready again', async () => ((await get('scheduler', '/healthz')).status === 200 ? true : undefined), 30_000);
  }, 60_000);
});
