import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from '@nats-io/transport-node';
import type { JetStreamClient, JetStreamManager, PubAck } from '@nats-io/jetstream';
import { sql, type Kysely } from 'kysely';
import {
  actionMigrations,
  cancelAction,
  clearOptOut,
  getAction,
  insertActions,
  markOptedOut,
  toDueEvent,
  type ActionRow,
  type ActionsDB,
  type NewAction,
} from '@followups/actions';
import { consumers, defaultCancelOn, streams, subjects, type ConvIn, type ConvOut, type OpsAttention, type SandboxDelivered } from '@followups/contracts';
import { connectDatabase, migrateToLatest, publishJson, readTakeoverState } from '@followups/kit';
import { collect, startTestBed, testLogger, waitFor, type Collected, type TestBed, type TestNatsServer } from '@followups/kit/testing';
import {
  actionSendKey,
  createSandboxTransport,
  isRandomIdDuplicateError,
  loadConfig,
  randomIdFor,
  replySendKey,
  startDispatcher,
  type CustomActionContext,
  type OutboundTransport,
  type RunningDispatcher,
} from '@followups/dispatcher';
import { relaxedMannersEnv } from '../support/relaxed-manners.js';

const log = testLogger();
const HOUR = 3_600_000;
const LEASE_MS = 500; // short, so the "held by another dispatcher" case resolves within the test

let bed: TestBed | undefined;
let server: TestNatsServer;
let databaseUrl: string;
let db: Kysely<ActionsDB>;
let nc: NatsConnection;
let js: JetStreamClient;
let jsm: JetStreamManager;
let dispatcher: RunningDispatcher;
let convOut: Collected<ConvOut>;
let dlq: Collected<{ subject: string; reason: string; data: string }>;
let attention: Collected<OpsAttention>;
/** What the `record` custom executor registered on the main replica was asked to do. */
const recorded: CustomActionContext[] = [];

const config = (over: Record<string, string> = {}) =>
  loadConfig({
    ...relaxedMannersEnv,
    NATS_URL: server.url,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    INSTANCE_ID: 'a',
    MAX_LATENESS_MS: String(HOUR),
    SENDING_LEASE_MS: String(LEASE_MS),
    ...over,
  });

let n = 0;
const newChat = () => String(700_000 + ++n);

/** Stores an action and claims it the way the scheduler's tick does. */
async function claimedAction(chatId: string, over: Partial<NewAction> = {}): Promise<ActionRow> {
  const type = over.type ?? 'follow_up';
  const [row] = await insertActions(db, [
    { chatId, type, payload: { text: `hello ${++n}` }, dueAt: new Date(Date.now() - 1000), cancelOn: defaultCancelOn[type], reason: 'test', idempotencyKey: `t${n}`, source: 'api', ...over },
  ]);
  return (await claim([row!.id]))[0]!;
}

async function claim(ids: string[]): Promise<ActionRow[]> {
  const { rows } = await sql<ActionRow>`
    update scheduled_actions set status = 'claimed', claimed_at = now(), claim_count = claim_count + 1
     where id = any(${ids}::uuid[]) returning *`.execute(db);
  return rows;
}

/** Publishes `schedule.due` as the scheduler does: the action id is the message id. */
const publishDue = (row: ActionRow, msgID = row.id) => publishJson(js, subjects.scheduleDue(row.chat_id), toDueEvent(row), msgID);

const waitStatus = (id: string, status: ActionRow['status']) =>
  waitFor(`action ${id} ${status}`, async () => {
    const row = await getAction(db, id);
    return row?.status === status ? row : undefined;
  });

/** Waits until the dispatcher acknowledged everything up to this message: it has been handled. */
const waitHandled = (ack: PubAck) =>
  waitFor(`dispatcher to handle stream seq ${ack.seq}`, async () => {
    const info = await jsm.consumers.info(streams.dispatch.name, consumers.dispatcher.durable);
    return info.ack_floor.stream_seq >= ack.seq;
  });

/** What the sandbox client actually received, as the SANDBOX_DELIVERED stream stored it. */
async function delivered(): Promise<SandboxDelivered[]> {
  const total = (await jsm.streams.info(streams.sandboxDelivered.name)).state.messages;
  if (total === 0) return [];
  const reader = await js.consumers.get(streams.sandboxDelivered.name);
  const out: SandboxDelivered[] = [];
  for await (const m of await reader.fetch({ max_messages: total, expires: 5000 })) {
    out.push(m.json<SandboxDelivered>());
    if (out.length === total) break;
  }
  return out;
}
const deliveredFor = async (actionId: string) => (await delivered()).filter((d) => d.actionId === actionId);

const takeOver = async (chatId: string) => {
  nc.publish(subjects.opsTakeover(chatId), ''); // exactly what `nats pub ops.takeover.<chat> ''` sends
  await waitFor('takeover stored', async () => (await readTakeoverState(jsm, chatId)).underHuman);
};
const release = async (chatId: string) => {
  nc.publish(subjects.opsRelease(chatId), '');
  await waitFor('release stored', async () => !(await readTakeoverState(jsm, chatId)).underHuman);
};

beforeAll(async () => {
  bed = await startTestBed('dispatcher');
  ({ server, nc, js, jsm, databaseUrl } = bed);
  db = await connectDatabase<ActionsDB>(databaseUrl, log);
  await migrateToLatest(db, actionMigrations, 'actions', log);
  convOut = collect<ConvOut>(nc, 'conv.out.>');
  dlq = collect(nc, 'dlq.>');
  attention = collect<OpsAttention>(nc, 'ops.attention.>');
  dispatcher = await startDispatcher({ config: config(), log, executors: new Map([['record', async (ctx) => void recorded.push(ctx)]]) });
});

afterAll(async () => {
  await dispatcher?.stop();
  convOut?.stop();
  dlq?.stop();
  attention?.stop();
  await db?.destroy();
  await bed?.close();
});

describe('dispatcher: due actions', () => {
  it('delivers a due follow-up once, marks it sent and reports it as conv.out by the bot', async () => {
    const chat = newChat();
    const row = await claimedAction(chat);
    await publishDue(row);
    await waitStatus(row.id, 'sent');
    const sends = await deliveredFor(row.id);
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({ chatId: chat, text: row.payload.text, actionId: row.id, randomId: randomIdFor(actionSendKey(row.id)) });
    const out = await waitFor('conv.out', () => convOut.messages.find((m) => m.data.actionId === row.id));
    expect(out).toMatchObject({ subject: subjects.convOut(chat), data: { by: 'bot', chatId: chat, text: row.payload.text } });
  });

  it('sends a due event that JetStream delivers twice only once', async () => {
    const row = await claimedAction(newChat());
    await publishDue(row, row.id);
    const second = await publishDue(row, `${row.id}:redelivered`);
    expect(second.duplicate).toBe(false);
    await waitHandled(second);
    expect((await getAction(db, row.id))?.status).toBe('sent');
    expect(await deliveredFor(row.id)).toHaveLength(1);
    expect(convOut.messages.filter((m) => m.data.actionId === row.id)).toHaveLength(1);
  });

  it('sends nothing into a chat a human took over with a bare publish, and sends again after release', async () => {
    const chat = newChat();
    await takeOver(chat);
    const followUp = await claimedAction(chat);
    // Even an action whose policy does not name takeover never speaks over a human.
    const unguarded = await claimedAction(chat, { type: 'reminder', cancelOn: [] });
    await publishDue(followUp);
    await publishDue(unguarded);
    for (const row of [followUp, unguarded]) {
      expect((await waitStatus(row.id, 'cancelled')).cancel_reason).toBe('human_takeover');
      expect(await deliveredFor(row.id)).toHaveLength(0);
    }

    await release(chat);
    const after = await claimedAction(chat);
    await publishDue(after);
    await waitStatus(after.id, 'sent');
    expect(await deliveredFor(after.id)).toHaveLength(1);
  });

  it('cancels a follow-up the client answered after it was created, but still delivers a reminder', async () => {
    const chat = newChat();
    const createdAt = new Date(Date.now() - 60_000);
    const clientWrote = new Date(Date.now() - 30_000);
    const followUp = await claimedAction(chat, { contextAt: createdAt });
    const reminder = await claimedAction(chat, { type: 'reminder', cancelOn: defaultCancelOn.reminder, contextAt: createdAt });
    // The message that asked for the follow-up does not cancel it: it is the action's context.
    const askedFor = await claimedAction(chat, { contextAt: clientWrote });
    const message: ConvIn = { chatId: chat, messageId: 5, text: 'ok, thanks', at: clientWrote.toISOString(), from: {} };
    await publishJson(js, subjects.convIn(chat), message);

    for (const row of [followUp, reminder, askedFor]) await publishDue(row);
    expect((await waitStatus(followUp.id, 'cancelled')).cancel_reason).toBe('client_replied');
    await waitStatus(reminder.id, 'sent');
    await waitStatus(askedFor.id, 'sent');
    expect(await deliveredFor(followUp.id)).toHaveLength(0);
    expect(await deliveredFor(reminder.id)).toHaveLength(1);
  });

  it('a client message stored by the transport but not yet relayed to conv.in still wins over the send', async () => {
    const chat = newChat();
    const row = await claimedAction(chat, { contextAt: new Date(Date.now() - 60_000) });
    // The client typed (stored in SANDBOX_INPUT); the gateway has not published conv.in yet.
    await publishJson(js, subjects.sandboxClient(chat), { text: 'я тут' });
    await publishDue(row);
    expect((await waitStatus(row.id, 'cancelled')).cancel_reason).toBe('client_replied');
    expect(await deliveredFor(row.id)).toHaveLength(0);
  });

  it('sends nothing for an action cancelled before its due event arrives', async () => {
    const row = await claimedAction(newChat());
    expect(await cancelAction(db, 'operator', row.id, 'operator')).toHaveLength(1);
    await waitHandled(await publishDue(row));
    expect(await getAction(db, row.id)).toMatchObject({ status: 'cancelled', cancel_reason: 'operator' });
    expect(await deliveredFor(row.id)).toHaveLength(0);
  });

  it('expires an action later than MAX_LATENESS_MS instead of sending it', async () => {
    const row = await claimedAction(newChat(), { dueAt: new Date(Date.now() - 2 * HOUR) });
    await publishDue(row);
    expect((await waitStatus(row.id, 'expired')).cancel_reason).toBe('too_late');
    expect(await deliveredFor(row.id)).toHaveLength(0);
  });

  it('fails a custom action no executor is registered for', async () => {
    const row = await claimedAction(newChat(), { type: 'custom', payload: { name: 'crm_sync', data: {} } });
    await publishDue(row);
    expect((await waitStatus(row.id, 'failed')).cancel_reason).toBe('no_executor:crm_sync');
  });

  it('runs a custom action with the executor registered under its name', async () => {
    const chat = newChat();
    const row = await claimedAction(chat, { type: 'custom', payload: { name: 'record', data: { stage: 'demo' } } });
    await publishDue(row);
    await waitStatus(row.id, 'sent');
    expect(recorded.filter((c) => c.actionId === row.id)).toEqual([
      expect.objectContaining({ chatId: chat, data: { stage: 'demo' }, randomId: randomIdFor(actionSendKey(row.id)) }),
    ]);
  });

  it('retakes a sending row whose lease ran out; the sandbox refusal keeps it to one delivery', async () => {
    const chat = newChat();
    const row = await claimedAction(chat);
    // A dispatcher sent it, then died before marking it sent.
    await createSandboxTransport({ js, clock: () => new Date() }).send({ chatId: chat, text: String(row.payload.text), randomId: randomIdFor(actionSendKey(row.id)), actionId: row.id });
    await sql`update scheduled_actions set status = 'sending', sending_at = now() - interval '2 minutes', attempts = 1 where id = ${row.id}`.execute(db);
    await publishDue(row);
    const sent = await waitStatus(row.id, 'sent');
    expect(sent.attempts).toBe(2);
    expect(await deliveredFor(row.id)).toHaveLength(1);
    await waitFor('conv.out for the retaken action', () => convOut.messages.some((m) => m.data.actionId === row.id));
  });

  it('does not strand a row another dispatcher holds: it comes back after the lease and finishes it', async () => {
    const row = await claimedAction(newChat());
    // "Another dispatcher" just took it and went silent: the due event must not be acknowledged away.
    await sql`update scheduled_actions set status = 'sending', sending_at = now(), attempts = 1 where id = ${row.id}`.execute(db);
    await publishDue(row);
    await waitStatus(row.id, 'sent');
    expect(await deliveredFor(row.id)).toHaveLength(1);
  });

  it('shares 300 due actions between two replicas on one durable: each delivered exactly once', async () => {
    let sentByB = 0;
    const sandboxB = createSandboxTransport({ js, clock: () => new Date() });
    const countingB: OutboundTransport = { name: 'sandbox', send: async (m) => (await sandboxB.send(m), void sentByB++) };
    const second = await startDispatcher({ config: config({ INSTANCE_ID: 'b' }), log, transport: countingB });
    try {
      const chats = Array.from({ length: 30 }, newChat);
      const rows = await insertActions(
        db,
        Array.from({ length: 300 }, (_, i) => ({
          chatId: chats[i % chats.length]!,
          type: 'follow_up' as const,
          payload: { text: `bulk ${i}` },
          dueAt: new Date(Date.now() - 1000),
          cancelOn: defaultCancelOn.follow_up,
          reason: 'bulk',
          idempotencyKey: `bulk-${i}-${n}`,
          source: 'api',
        })),
      );
      const claimed = await claim(rows.map((r) => r.id));
      await Promise.all(claimed.map((r) => publishDue(r)));
      const ids = new Set(claimed.map((r) => r.id));
      await waitFor('300 actions sent', async () => {
        const { rows: c } = await sql<{ n: string }>`select count(*) as n from scheduled_actions where id = any(${[...ids]}::uuid[]) and status = 'sent'`.execute(db);
        return Number(c[0]!.n) === 300;
      });
      const perAction = new Map<string, number>();
      for (const d of await delivered()) if (d.actionId && ids.has(d.actionId)) perAction.set(d.actionId, (perAction.get(d.actionId) ?? 0) + 1);
      expect(perAction.size).toBe(300);
      expect([...perAction.values()].every((c) => c === 1)).toBe(true);
      expect(sentByB).toBeGreaterThan(0);
      expect(sentByB).toBeLessThan(300);
    } finally {
      await second.stop();
    }
  });
});

describe('dispatcher: do-not-contact and calls', () => {
  it('refuses every kind of action to a chat that opted out, as opted_out, until the mark is cleared', async () => {
    const chat = newChat();
    await markOptedOut(db, chat, { at: new Date(), by: 'client', messageId: 4 });
    // Scheduled after the opt-out (an operator's CLI, a reminder that ignores replies, a call): none goes out.
    const rows = [await claimedAction(chat, { source: 'cli' }), await claimedAction(chat, { type: 'reminder', cancelOn: [] }), await claimedAction(chat, { type: 'call', payload: { note: 'call me' }, cancelOn: [] })];
    for (const row of rows) await publishDue(row);
    for (const row of rows) expect((await waitStatus(row.id, 'cancelled')).cancel_reason).toBe('opted_out');
    expect((await delivered()).filter((d) => d.chatId === chat)).toHaveLength(0);
    expect(attention.messages.filter((m) => m.data.chatId === chat)).toHaveLength(0);

    expect(await clearOptOut(db, chat)).toBe(true);
    const after = await claimedAction(chat);
    await publishDue(after);
    await waitStatus(after.id, 'sent');
  });

  it('sends the one goodbye that answers the opt-out, and no other reply', async () => {
    const chat = newChat();
    await markOptedOut(db, chat, { at: new Date(), by: 'client', messageId: 8 });
    await publishJson(js, subjects.agentReply(chat), { chatId: chat, text: 'goodbye', inReplyTo: 8, part: 0 });
    await waitHandled(await publishJson(js, subjects.agentReply(chat), { chatId: chat, text: 'anything else', inReplyTo: 9, part: 0 }));
    expect((await delivered()).filter((d) => d.chatId === chat).map((d) => d.text)).toEqual(['goodbye']);
  });

  it('hands a due call to the operators as ops.attention (call_due) once, and writes nothing to the client', async () => {
    const chat = newChat();
    const row = await claimedAction(chat, { type: 'call', payload: { note: 'наберите завтра в 11', contact: { name: 'Ivan', username: 'ivan' } }, cancelOn: [] });
    await publishDue(row);
    await publishDue(row, `${row.id}:again`);
    await waitStatus(row.id, 'sent');
    const item = await waitFor('the call hand-off', () => attention.messages.find((m) => m.data.actionId === row.id));
    expect(item.subject).toBe(subjects.opsAttention(chat));
    expect(item.data).toMatchObject({ chatId: chat, reason: 'call_due', text: 'наберите завтра в 11', by: 'dispatcher', contact: { name: 'Ivan', username: 'ivan' } });
    expect(item.data.suggested).toContain(`chat ${chat}, @ivan, Ivan`);
    const stored = await jsm.streams.getMessage(streams.attention.name, { last_by_subj: subjects.opsAttention(chat) });
    expect(stored?.header?.get('Nats-Msg-Id')).toBe(`attention:call:${row.id}`);
    expect((await jsm.streams.info(streams.attention.name, { subjects_filter: subjects.opsAttention(chat) })).state.messages).toBe(1);
    expect((await delivered()).filter((d) => d.chatId === chat)).toHaveLength(0);
    expect(convOut.messages.filter((m) => m.data.chatId === chat)).toHaveLength(0);
  });

  it('a call is the team\'s task: a human holding the chat or a client reply does not cancel it', async () => {
    const chat = newChat();
    await takeOver(chat);
    await publishJson(js, subjects.convIn(chat), { chatId: chat, messageId: 1, text: 'ok', at: new Date().toISOString(), from: {} });
    const row = await claimedAction(chat, { type: 'call', payload: { note: 'call me' }, cancelOn: [], contextAt: new Date(Date.now() - 60_000) });
    await publishDue(row);
    await waitStatus(row.id, 'sent');
    await waitFor('the call hand-off', () => attention.messages.find((m) => m.data.actionId === row.id));
  });
});

describe('dispatcher: agent replies', () => {
  const reply = (chatId: string, inReplyTo: number, text = `reply to ${inReplyTo}`) => ({ chatId, text, inReplyTo, part: 0 });

  it('delivers a reply once, even when JetStream delivers it twice, and reports it by the bot', async () => {
    const chat = newChat();
    const r = reply(chat, 17);
    await publishJson(js, subjects.agentReply(chat), r, `reply-${chat}-a`);
    await waitHandled(await publishJson(js, subjects.agentReply(chat), r, `reply-${chat}-b`));
    const sends = (await delivered()).filter((d) => d.chatId === chat);
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({ text: r.text, randomId: randomIdFor(replySendKey(chat, 17, 0)) });
    expect(sends[0]!.actionId).toBeUndefined();
    const out = await waitFor('conv.out', () => convOut.messages.find((m) => m.data.chatId === chat));
    expect(out.data).toMatchObject({ by: 'bot', text: r.text });
  });

  it('drops a reply into a chat a human holds', async () => {
    const chat = newChat();
    await takeOver(chat);
    await waitHandled(await publishJson(js, subjects.agentReply(chat), reply(chat, 3)));
    expect((await delivered()).filter((d) => d.chatId === chat)).toHaveLength(0);
    expect(convOut.messages.filter((m) => m.data.chatId === chat)).toHaveLength(0);
  });
});

describe('dispatcher: sandbox transport', () => {
  it('refuses a second send with the same random id, as Telegram answers RANDOM_ID_DUPLICATE', async () => {
    const chat = newChat();
    const transport = createSandboxTransport({ js, clock: () => new Date() });
    const message = { chatId: chat, text: 'once', randomId: randomIdFor(`test:${chat}`) };
    const watcher = collect(nc, subjects.sandboxDelivered(chat)); // a plain `nats sub` on the public subject
    await transport.send(message);
    const second = await transport.send(message).then(() => null, (e: unknown) => e);
    expect(isRandomIdDuplicateError(second)).toBe(true);
    expect((await delivered()).filter((d) => d.chatId === chat)).toHaveLength(1);
    await waitFor('the re-published delivery', () => watcher.messages.length === 1);
    await nc.flush();
    expect(watcher.messages).toHaveLength(1); // the refused duplicate never reaches subscribers
    watcher.stop();
  });
});

describe('dispatcher: poison messages', () => {
  it('dead-letters malformed and schema-invalid due events and replies, acknowledges them and keeps serving', async () => {
    const chat = newChat();
    const bad = [
      [subjects.scheduleDue(chat), '{oops', /^invalid JSON/],
      [subjects.scheduleDue(chat), JSON.stringify({ actionId: 'not-a-uuid', chatId: chat }), /^schema/],
      [subjects.agentReply(chat), '{"chatId":', /^invalid JSON/],
      [subjects.agentReply(chat), JSON.stringify({ chatId: chat, text: '', inReplyTo: -1 }), /^schema/],
    ] as const;
    for (const [subject, body] of bad) await js.publish(subject, body);
    const letters = await waitFor('four dead letters', () => {
      const mine = dlq.messages.filter((m) => m.subject.endsWith(`.${chat}`));
      return mine.length >= 4 && mine;
    });
    bad.forEach(([subject, body, reason], i) => {
      expect(letters[i]!.subject).toBe(`dlq.${subject}`);
      expect(letters[i]!.data).toMatchObject({ subject, data: body });
      expect(letters[i]!.data.reason).toMatch(reason);
    });

    const good = await claimedAction(chat);
    await publishDue(good);
    await waitStatus(good.id, 'sent');
    await waitFor('nothing left pending', async () => {
      const info = await jsm.consumers.info(streams.dispatch.name, consumers.dispatcher.durable);
      return info.num_ack_pending === 0 && info.num_pending === 0;
    });
  });
});

describe('dispatcher: shutdown', () => {
  it('stop() lets a send in flight complete and be marked sent; nothing is left sending', async () => {
    await dispatcher.stop(); // only the gated replica below may take the event
    let entered!: () => void;
    let open!: () => void;
    const sendEntered = new Promise<void>((r) => (entered = r));
    const gate = new Promise<void>((r) => (open = r));
    const sandbox = createSandboxTransport({ js, clock: () => new Date() });
    const gated: OutboundTransport = {
      name: 'sandbox',
      async send(m) {
        entered();
        await gate;
        await sandbox.send(m);
      },
    };
    const replica = await startDispatcher({ config: config({ INSTANCE_ID: 'c' }), log, transport: gated });
    const row = await claimedAction(newChat());
    await publishDue(row);
    await sendEntered;
    expect((await getAction(db, row.id))?.status).toBe('sending');

    let stopped = false;
    const stopping = replica.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false); // it cannot finish while the send is held
    open();
    await stopping;

    expect((await getAction(db, row.id))?.status).toBe('sent');
    expect(await deliveredFor(row.id)).toHaveLength(1);
    const { rows } = await sql<{ n: string }>`select count(*) as n from scheduled_actions where status = 'sending'`.execute(db);
    expect(Number(rows[0]!.n)).toBe(0);
  });
});

