import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from '@nats-io/transport-node';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { sql, type Kysely } from 'kysely';
import { insertActions, type ActionRow, type ActionsDB } from '@followups/actions';
import { consumers, streams, subjects, type ConsumerKey, type ConvIn, type ConvOut, type DeadLetter, type ScheduleDue, type ScheduleIntentInput } from '@followups/contracts';
import { connectDatabase, publishJson, readTakeoverState } from '@followups/kit';
import { collect, startTestBed, testLogger, waitFor, type Collected, type TestBed } from '@followups/kit/testing';
import { loadConfig, startScheduler, type RunningScheduler, type SchedulerConfig } from '@followups/scheduler';

/**
 * The scheduler as other services see it: intents, cancels, conversation and operator events go in
 * through NATS; `schedule.due` events, dead letters and the `scheduled_actions` rows come out.
 * One private nats-server and database for the file; every test uses its own chat ids.
 */
describe('scheduler contract', () => {
  const log = testLogger('scheduler');
  let bed: TestBed | undefined;
  let config: SchedulerConfig;
  let scheduler: RunningScheduler;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let db: Kysely<ActionsDB>;
  /** Every `schedule.due` publish of the file, duplicates JetStream dropped included. */
  let dueEvents: Collected<ScheduleDue>;

  beforeAll(async () => {
    bed = await startTestBed('scheduler');
    ({ nc, js, jsm } = bed);
    // Small claim batches, so a tick loops over several and two schedulers interleave.
    config = loadConfig({ NATS_URL: bed.server.url, DATABASE_URL: bed.databaseUrl, CLAIM_BATCH_SIZE: '100', INSTANCE_ID: 'scheduler-a' });
    scheduler = await startScheduler({ config, log });
    db = await connectDatabase<ActionsDB>(bed.databaseUrl, log);
    dueEvents = collect<ScheduleDue>(nc, 'schedule.due.>');
    await nc.flush();
  });
  afterAll(async () => {
    dueEvents?.stop();
    await scheduler?.stop();
    await db?.destroy();
    await bed?.close();
  });

  // ---- helpers -------------------------------------------------------------------------------

  let keys = 0;
  const iso = (ms: number) => new Date(ms).toISOString();
  const HOUR = 3_600_000;
  const intent = (chatId: string, over: Partial<ScheduleIntentInput> = {}): ScheduleIntentInput & { idempotencyKey: string } => ({
    chatId,
    action: { type: 'follow_up', payload: { text: 'Добрый день! Вы просили написать.' } },
    dueAt: iso(Date.now() + HOUR),
    reason: 'test',
    idempotencyKey: `test:${chatId}:${++keys}`,
    source: 'agent',
    ...over,
  });
  const reminder = (chatId: string, over: Partial<ScheduleIntentInput> = {}) =>
    intent(chatId, { action: { type: 'reminder', payload: { text: 'Встреча завтра в 10:00' } }, ...over });
  const publishIntent = (i: ScheduleIntentInput, msgID?: string) => publishJson(js, subjects.scheduleIntent(String(i.chatId)), i, msgID);
  const convIn = (chatId: string, at: string): ConvIn => ({ chatId, messageId: 1, text: 'ответ клиента', at, from: {} });
  const convOut = (chatId: string, by: ConvOut['by']): ConvOut => ({ chatId, text: 'hello', at: iso(Date.now()), by, ...(by === 'operator' ? { operator: 'anna' } : {}) });

  const byKey = (key: string) => db.selectFrom('scheduled_actions').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  const stored = (i: { idempotencyKey: string }) => waitFor(`action ${i.idempotencyKey} stored`, () => byKey(i.idempotencyKey));
  const inStatus = (i: { idempotencyKey: string }, status: ActionRow['status']) =>
    waitFor(`action ${i.idempotencyKey} ${status}`, async () => {
      const row = await byKey(i.idempotencyKey);
      return row?.status === status && row;
    });
  const control = (chatId: string) => db.selectFrom('chat_controls').selectAll().where('chat_id', '=', chatId).executeTakeFirst();

  /** Every message the consumers were given is handled and acknowledged. */
  const drained = (...keys: ConsumerKey[]) =>
    waitFor(`${keys.join(', ')} drained`, async () => {
      for (const k of keys) {
        const info = await jsm.consumers.info(streams[consumers[k].stream].name, consumers[k].durable);
        if (info.num_pending !== 0 || info.num_ack_pending !== 0) return false;
      }
      return true;
    });

  const dueInStream = async (subject: string) => {
    const info = await jsm.streams.info(streams.dispatch.name, { subjects_filter: subject });
    return info.state.subjects?.[subject] ?? 0;
  };
  /** The stream's last message on `subject`; `undefined` (not `null`) while there is none, for waitFor. */
  const lastOn = async (stream: string, subject: string) => (await jsm.streams.getMessage(stream, { last_by_subj: subject })) ?? undefined;
  const publishedFor = (chatId: string) => dueEvents.messages.filter((m) => m.subject === subjects.scheduleDue(chatId));

  /** Returns once a tick that started after this call has claimed and published (a marker action). */
  let markers = 0;
  const aTickLater = async () => {
    const marker = intent(`9${++markers}`, { dueAt: iso(Date.now() - 1000) });
    await publishIntent(marker);
    await waitFor('a later tick', () => publishedFor(String(marker.chatId)).length > 0);
  };

  // ---- tests ---------------------------------------------------------------------------------

  it('publishes an intent due in the past on schedule.due once, with the action id as Nats-Msg-Id, and leaves it claimed', async () => {
    const i = intent('1001', { dueAt: iso(Date.now() - 5000) });
    await publishIntent(i);
    const row = await inStatus(i, 'claimed');
    const msg = await waitFor('due event in DISPATCH', () => lastOn(streams.dispatch.name, subjects.scheduleDue('1001')));
    expect(msg.header.get('Nats-Msg-Id')).toBe(row.id);
    expect(msg.json<ScheduleDue>()).toEqual({ actionId: row.id, chatId: '1001', dueAt: i.dueAt, action: i.action });
    await aTickLater();
    expect(await dueInStream(subjects.scheduleDue('1001'))).toBe(1);
    expect(publishedFor('1001')).toHaveLength(1);
    expect((await byKey(i.idempotencyKey))?.claim_count).toBe(1);
  });

  it('stores one action for the same intent published twice with different message ids', async () => {
    const i = intent('1002');
    await publishIntent(i, 'agent-try-1');
    await publishIntent(i, 'agent-try-2');
    await drained('schedulerRequests');
    const rows = await db.selectFrom('scheduled_actions').selectAll().where('chat_id', '=', '1002').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'pending', type: 'follow_up', cancel_on: ['client_reply', 'takeover'], source: 'agent' });
  });

  it('cancels on a later client message only follow-ups scheduled before it; a reminder stays', async () => {
    const t0 = Date.now();
    const followUp = intent('1003', { contextAt: iso(t0 - 10_000) });
    const meeting = reminder('1003', { contextAt: iso(t0 - 10_000) });
    const newer = intent('1004', { contextAt: iso(t0) });
    await Promise.all([followUp, meeting, newer].map((i) => publishIntent(i)));
    await Promise.all([followUp, meeting, newer].map(stored));

    await publishJson(js, subjects.convIn('1003'), convIn('1003', iso(t0 - 5000)));
    await publishJson(js, subjects.convIn('1004'), convIn('1004', iso(t0 - 60_000))); // older than what the intent accounts for
    await drained('schedulerConv');

    // The row remembers which message cancelled it: the agent keeps a follow-up an "ok, thanks" cancelled.
    expect(await byKey(followUp.idempotencyKey)).toMatchObject({ status: 'cancelled', cancel_reason: 'client_replied', cancelled_by_message: '1' });
    expect(await byKey(meeting.idempotencyKey)).toMatchObject({ status: 'pending', cancel_reason: null });
    expect(await byKey(newer.idempotencyKey)).toMatchObject({ status: 'pending', cancel_reason: null });
  });

  it('a bare core publish on ops.takeover cancels pending actions, later intents are born cancelled, and release lets them live again', async () => {
    const followUp = intent('1005');
    const meeting = reminder('1005');
    const clientOnly = intent('1005', { action: { type: 'custom', payload: { name: 'crm_sync', data: {} } }, cancelOn: ['client_reply'] });
    await Promise.all([followUp, meeting, clientOnly].map((i) => publishIntent(i)));
    await Promise.all([followUp, meeting, clientOnly].map(stored));

    nc.publish(subjects.opsTakeover('1005'), ''); // what `nats pub ops.takeover.1005 ''` sends: no headers, empty body
    await inStatus(followUp, 'cancelled');
    await drained('schedulerOps');
    expect(await byKey(followUp.idempotencyKey)).toMatchObject({ cancel_reason: 'human_takeover' });
    expect(await byKey(meeting.idempotencyKey)).toMatchObject({ status: 'cancelled', cancel_reason: 'human_takeover' });
    expect(await byKey(clientOnly.idempotencyKey)).toMatchObject({ status: 'pending' });
    expect(await control('1005')).toMatchObject({ under_human: true, operator: null });

    const whileHeld = intent('1005');
    await publishIntent(whileHeld);
    expect(await stored(whileHeld)).toMatchObject({ status: 'cancelled', cancel_reason: 'human_takeover' });

    nc.publish(subjects.opsRelease('1005'), '{"operator":"anna"}');
    await waitFor('chat released', async () => (await control('1005'))?.under_human === false);
    const afterRelease = intent('1005');
    await publishIntent(afterRelease);
    expect(await stored(afterRelease)).toMatchObject({ status: 'pending', cancel_reason: null });
  });

  it('conv.out by an operator is a takeover, recorded once in OPS (the gateway may not publish there); by the bot it changes nothing', async () => {
    const followUp = intent('1006');
    await publishIntent(followUp);
    await stored(followUp);

    await publishJson(js, subjects.convOut('1006'), convOut('1006', 'bot'));
    await drained('schedulerConv');
    expect(await byKey(followUp.idempotencyKey)).toMatchObject({ status: 'pending' });
    expect(await control('1006')).toBeUndefined();
    expect(await lastOn(streams.ops.name, subjects.opsTakeover('1006'))).toBeUndefined();

    const typed = { ...convOut('1006', 'operator'), messageId: 5 };
    await publishJson(js, subjects.convOut('1006'), typed);
    expect(await inStatus(followUp, 'cancelled')).toMatchObject({ cancel_reason: 'human_takeover' });
    expect(await control('1006')).toMatchObject({ under_human: true, operator: 'anna' });
    const recorded = await waitFor('the takeover in OPS', () => lastOn(streams.ops.name, subjects.opsTakeover('1006')));
    expect(recorded.json()).toEqual({ operator: 'anna', reason: 'operator_message' });
    expect(recorded.header.get('Nats-Msg-Id')).toBe('takeover:1006:5');

    // The same message stored again (as a publisher's retry past CONV's duplicate window would): no second takeover.
    await publishJson(js, subjects.convOut('1006'), typed);
    await drained('schedulerConv', 'schedulerOps');
    const info = await jsm.streams.info(streams.ops.name, { subjects_filter: subjects.opsTakeover('1006') });
    expect(info.state.subjects?.[subjects.opsTakeover('1006')]).toBe(1);
  });

  it("with the scheduler down, a human's message holds the chat; a release before the scheduler records it wins, and nothing holds it again", async () => {
    // Planned before the human wrote: the takeover ends it, whichever the scheduler applies first.
    const before = intent('1016', { contextAt: iso(Date.now() - 60_000) });
    await publishIntent(before);
    await stored(before);
    await scheduler.stop();
    try {
      await publishJson(js, subjects.convOut('1016'), { ...convOut('1016', 'operator'), messageId: 9 });
      expect(await readTakeoverState(jsm, '1016')).toMatchObject({ underHuman: true, operator: 'anna' });
      await publishJson(js, subjects.opsRelease('1016'), { operator: 'anna' });
      expect(await readTakeoverState(jsm, '1016')).toEqual({ underHuman: false });
    } finally {
      scheduler = await startScheduler({ config, log });
    }
    await drained('schedulerConv', 'schedulerOps');
    // CONV and OPS are applied in either order on restart; both must end it.
    expect(await byKey(before.idempotencyKey)).toMatchObject({ status: 'cancelled', cancel_reason: 'human_takeover' });
    expect(await lastOn(streams.ops.name, subjects.opsTakeover('1016'))).toBeUndefined();
    expect(await readTakeoverState(jsm, '1016')).toEqual({ underHuman: false });
    expect(await control('1016')).toMatchObject({ under_human: false });
    // The bot writing afterwards holds nothing either.
    await publishJson(js, subjects.convOut('1016'), convOut('1016', 'bot'));
    await drained('schedulerConv');
    expect(await readTakeoverState(jsm, '1016')).toEqual({ underHuman: false });
  });

  it('schedule.cancel cancels one action by id (only within its chat) or every live action of the chat', async () => {
    const [a, b, elsewhere] = [intent('1007'), intent('1007'), intent('1008')];
    await Promise.all([a, b, elsewhere].map((i) => publishIntent(i)));
    const rowA = await stored(a);
    await Promise.all([b, elsewhere].map(stored));

    await publishJson(js, subjects.scheduleCancel('1008'), { actionId: rowA.id, reason: 'wrong_chat' });
    await drained('schedulerRequests');
    expect(await byKey(a.idempotencyKey)).toMatchObject({ status: 'pending' });

    await publishJson(js, subjects.scheduleCancel('1007'), { actionId: rowA.id, reason: 'client_opted_out' });
    await drained('schedulerRequests');
    expect(await byKey(a.idempotencyKey)).toMatchObject({ status: 'cancelled', cancel_reason: 'client_opted_out' });
    expect(await byKey(b.idempotencyKey)).toMatchObject({ status: 'pending' });

    await publishJson(js, subjects.scheduleCancel('1007'), { reason: 'deal_closed' });
    await drained('schedulerRequests');
    expect(await byKey(b.idempotencyKey)).toMatchObject({ status: 'cancelled', cancel_reason: 'deal_closed' });
    expect(await byKey(a.idempotencyKey)).toMatchObject({ cancel_reason: 'client_opted_out' });
    expect(await byKey(elsewhere.idempotencyKey)).toMatchObject({ status: 'pending' });
  });

  it('schedule.cancel scoped by types and by `before` spares other types and what was scheduled in view of the message', async () => {
    const t0 = Date.now();
    const oldFollowUp = intent('1009', { contextAt: iso(t0 - 60_000) });
    const oldCall = intent('1009', { action: { type: 'call', payload: { note: 'наберите' } }, contextAt: iso(t0 - 60_000) });
    // Published after the cancel, as the agent does, yet in view of the same message: never caught by it.
    const newFollowUp = intent('1009', { contextAt: iso(t0) });
    await Promise.all([oldFollowUp, oldCall].map((i) => publishIntent(i)));
    await Promise.all([oldFollowUp, oldCall].map(stored));
    await publishJson(js, subjects.scheduleCancel('1009'), { reason: 'rescheduled', types: ['follow_up'], before: iso(t0) });
    await publishIntent(newFollowUp);
    await drained('schedulerRequests');
    expect(await byKey(oldFollowUp.idempotencyKey)).toMatchObject({ status: 'cancelled', cancel_reason: 'rescheduled' });
    expect(await byKey(oldCall.idempotencyKey)).toMatchObject({ status: 'pending', cancel_on: [] });
    expect(await byKey(newFollowUp.idempotencyKey)).toMatchObject({ status: 'pending' });

    // The same cancel applied after the new intent (another replica, another order) still spares it.
    await publishJson(js, subjects.scheduleCancel('1009'), { reason: 'rescheduled_again', types: ['follow_up'], before: iso(t0) });
    await drained('schedulerRequests');
    expect(await byKey(newFollowUp.idempotencyKey)).toMatchObject({ status: 'pending' });
  });

  it('honours a takeover whose body is not JSON (`nats pub ops.takeover.<chat> anna`): pending actions are cancelled', async () => {
    const followUp = intent('1010');
    await publishIntent(followUp);
    await stored(followUp);
    nc.publish(subjects.opsTakeover('1010'), 'anna');
    expect(await inStatus(followUp, 'cancelled')).toMatchObject({ cancel_reason: 'human_takeover' });
    expect(await control('1010')).toMatchObject({ under_human: true });
  });

  it('scopes an idempotency key to its chat; the same key with another body is dead-lettered, never dropped in silence', async () => {
    const dlq = collect<{ reason: string; subject: string }>(nc, 'dlq.schedule.intent.>');
    const shared = intent('1014', { idempotencyKey: 'shared-key' });
    const otherChat = intent('1015', { idempotencyKey: 'shared-key' });
    await publishIntent(shared);
    await publishIntent(otherChat);
    const [a, b] = await Promise.all([stored(shared), waitFor('the other chat\'s action', () => db.selectFrom('scheduled_actions').selectAll().where('chat_id', '=', '1015').executeTakeFirst())]);
    expect(a.id).not.toBe(b.id);

    await publishIntent({ ...shared }, 'same-body-again'); // the same action re-published: harmless
    await publishIntent({ ...shared, action: { type: 'follow_up', payload: { text: 'Другой текст' } } }, 'other-body');
    await drained('schedulerRequests');
    dlq.stop();
    expect(dlq.messages.map((m) => m.data.reason)).toEqual([`idempotency key shared-key already names action ${a.id} of chat 1014, with another payload`]);
    expect((await db.selectFrom('scheduled_actions').selectAll().where('chat_id', '=', '1014').execute()).map((r) => r.payload)).toEqual([shared.action.payload]);
  });

  it('refuses what it must not store — a 10,000-deep payload, a year 9999, a due time past the horizon — and stores its neighbours', async () => {
    const dlq = collect<{ reason: string; subject: string }>(nc, 'dlq.schedule.intent.>');
    const deepBody = `{"chatId":"1011","action":{"type":"custom","payload":{"name":"x","data":${'{"d":'.repeat(10_000)}1${'}'.repeat(10_000)}}},"dueAt":"${iso(Date.now() + HOUR)}","idempotencyKey":"deep:1011"}`;
    const neighbours = [intent('1011'), intent('1012'), intent('1013')];
    await publishIntent(neighbours[0]!);
    await js.publish(subjects.scheduleIntent('1011'), deepBody);
    await publishIntent(intent('1011', { dueAt: '9999-12-31T00:00:00.000Z', idempotencyKey: 'year9999:1011' }));
    await publishIntent(neighbours[1]!);
    await publishIntent(intent('1012', { dueAt: iso(Date.now() + 3 * 365 * 86_400_000), idempotencyKey: 'tooFar:1012' }));
    await publishIntent(neighbours[2]!);
    await Promise.all(neighbours.map(stored));
    await drained('schedulerRequests');
    const reasons = dlq.messages.map((m) => m.data.reason);
    dlq.stop();
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toMatch(/^body nested deeper than 64 levels/);
    expect(reasons[1]).toMatch(/^schema: dueAt: must be between the years 2000 and 2199/);
    expect(reasons[2]).toMatch(/is more than 365 days ahead \(settings limits.maxDaysAhead, MAX_DUE_AHEAD_DAYS\)$/);
    expect(await byKey('tooFar:1012')).toBeUndefined();
  });

  it('dead-letters malformed and invalid messages on every consumed subject, acknowledges them and keeps serving', async () => {
    const tooBig = '99999999999999999999'; // a decimal chat id no Telegram chat (nor bigint) can have
    const cases: [subject: string, body: string, reason: RegExp][] = [
      [subjects.scheduleIntent('2001'), '{"chatId":', /^invalid JSON/],
      [subjects.scheduleIntent('2002'), JSON.stringify({ chatId: '2002', dueAt: 'tomorrow' }), /^schema: /],
      [subjects.scheduleIntent(tooBig), JSON.stringify(intent(tooBig)), /^unknown subject/],
      [subjects.scheduleCancel('2011'), '{oops', /^invalid JSON/],
      [subjects.scheduleCancel('2012'), JSON.stringify({ actionId: 'not-a-uuid' }), /^schema: actionId/],
      [subjects.convIn('2021'), 'not json', /^invalid JSON/],
      [subjects.convIn('2022'), JSON.stringify({ chatId: '2022', text: 'hi' }), /^schema: /],
      [subjects.convIn(tooBig), JSON.stringify(convIn(tooBig, iso(Date.now()))), /^unknown subject/],
      [subjects.convOut('2031'), '{"by":', /^invalid JSON/],
      [subjects.convOut('2032'), JSON.stringify({ ...convOut('2032', 'bot'), by: 'robot' }), /^schema: by/],
      // An operator's takeover or release is honoured whatever its body; the bad body is reported on dlq.* all the same.
      [subjects.opsTakeover('2041'), '{x}', /^honoured with its body ignored: invalid JSON/],
      [subjects.opsTakeover('2042'), '{"operator":5}', /^honoured with its body ignored: schema: operator/],
      [subjects.opsTakeover(tooBig), '', /^unknown subject/],
      [subjects.opsRelease('2051'), '[', /^honoured with its body ignored: invalid JSON/],
      [subjects.opsRelease('2052'), '{"operator":["anna"]}', /^honoured with its body ignored: schema: operator/],
    ];
    // A valid intent right behind the bad one: whatever batch they share, it is still stored.
    const neighbour = intent('2003');
    for (const [subject, body] of cases) nc.publish(subject, body);
    await publishIntent(neighbour);

    for (const [subject, body, reason] of cases) {
      const dead = await waitFor(`dead letter for ${subject}`, () => lastOn(streams.deadLetter.name, subjects.deadLetter(subject)));
      const record = dead.json<DeadLetter>();
      expect(record, subject).toMatchObject({ subject, service: 'scheduler', data: body });
      expect(record.reason, subject).toMatch(reason);
    }
    await drained('schedulerRequests', 'schedulerConv', 'schedulerOps');

    // Still serving on all three consumers.
    expect(await stored(neighbour)).toMatchObject({ status: 'pending' });
    const later = intent('2004', { contextAt: iso(Date.now() - 60_000) });
    await publishIntent(later);
    await stored(later);
    await publishJson(js, subjects.convIn('2004'), convIn('2004', iso(Date.now())));
    expect(await inStatus(later, 'cancelled')).toMatchObject({ cancel_reason: 'client_replied' });
    nc.publish(subjects.opsTakeover('2005'), '{"operator":"ivan"}');
    await waitFor('takeover handled', async () => (await control('2005'))?.under_human === true);
  });

  it('two schedulers over 2,000 due actions publish each exactly once', async () => {
    const second = await startScheduler({ config: { ...config, INSTANCE_ID: 'scheduler-b' }, log });
    try {
      // Inserted in one statement so both schedulers find all 2,000 due at the same tick.
      const dueAt = new Date(Date.now() - 1000);
      await insertActions(
        db,
        Array.from({ length: 2000 }, (_, n) => ({
          chatId: '3001',
          type: 'follow_up' as const,
          payload: { text: `bulk ${n}` },
          dueAt,
          cancelOn: ['client_reply' as const, 'takeover' as const],
          reason: '',
          idempotencyKey: `bulk:${n}`,
          source: 'api',
        })),
      );
      const subject = subjects.scheduleDue('3001');
      await waitFor('2,000 due events in DISPATCH', async () => (await dueInStream(subject)) >= 2000, 20_000);
      await aTickLater();

      expect(await dueInStream(subject)).toBe(2000);
      const published = publishedFor('3001');
      expect(published).toHaveLength(2000); // not even a duplicate JetStream dropped
      expect(new Set(published.map((m) => m.data.actionId)).size).toBe(2000);
      const { rows } = await sql<{ status: string; claim_count: number; n: number }>`
        select status, claim_count, count(*)::int as n from scheduled_actions where chat_id = 3001 group by 1, 2`.execute(db);
      expect(rows).toEqual([{ status: 'claimed', claim_count: 1, n: 2000 }]);
    } finally {
      await second.stop();
    }
  });

  it('publishes again a claim whose lease ran out, under the same message id', async () => {
    const i = intent('4001');
    await publishIntent(i);
    const row = await stored(i);
    // As if a scheduler claimed it ten minutes ago and died before publishing.
    await sql`update scheduled_actions set status = 'claimed', due_at = now() - interval '11 minutes',
                 claimed_at = now() - interval '10 minutes', claim_count = 1 where id = ${row.id}`.execute(db);

    const msg = await waitFor('re-published due event', () => lastOn(streams.dispatch.name, subjects.scheduleDue('4001')));
    expect(msg.header.get('Nats-Msg-Id')).toBe(row.id);
    expect(msg.json<ScheduleDue>().actionId).toBe(row.id);
    const after = await byKey(i.idempotencyKey);
    expect(after).toMatchObject({ status: 'claimed', claim_count: 2 });
    expect(after!.claimed_at!.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('stops idempotently without leaving a claimed row unpublished, and starts again', async () => {
    await Promise.all([scheduler.stop(), scheduler.stop()]);
    await scheduler.stop();

    // Due while no scheduler runs: 1,000 rows (ten claim batches) and an intent kept by the SCHEDULE stream.
    const bulk = await insertActions(
      db,
      Array.from({ length: 1000 }, (_, n) => ({
        chatId: '5002',
        type: 'follow_up' as const,
        payload: { text: `bulk ${n}` },
        dueAt: new Date(Date.now() - 1000),
        cancelOn: ['client_reply' as const],
        reason: '',
        idempotencyKey: `stop:${n}`,
        source: 'api',
      })),
    );
    const whileDown = intent('5001', { dueAt: iso(Date.now() - 1000) });
    await publishIntent(whileDown);
    const claimedIn5002 = async () =>
      Number((await db.selectFrom('scheduled_actions').select(sql<number>`count(*)::int`.as('n')).where('chat_id', '=', '5002').where('status', '=', 'claimed').executeTakeFirst())?.n);

    // The start-up pass begins at once; stopping in the middle of it ends it after the batch in hand.
    scheduler = await startScheduler({ config, log });
    await waitFor('the start-up pass under way', async () => (await claimedIn5002()) > 0);
    await scheduler.stop();
    expect(await dueInStream(subjects.scheduleDue('5002'))).toBe(await claimedIn5002());

    scheduler = await startScheduler({ config, log });
    const row = await inStatus(whileDown, 'claimed');
    await waitFor('due event after restart', () => publishedFor('5001').some((m) => m.data.actionId === row.id));
    await waitFor('the rest of the bulk published', async () => (await dueInStream(subjects.scheduleDue('5002'))) === bulk.length);
    expect(await claimedIn5002()).toBe(bulk.length);
  });
});
