import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthorizationError, connect, PermissionViolationError, RequestError, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { consumers, streams, subjects, type ConsumerKey, type StreamKey } from '@followups/contracts';
import { connectNats, ensureConsumers, ensureStreams, publishJson, readLastClientMessage, readTakeoverState } from '@followups/kit';
import { startNatsServer, testLogger, waitFor, type TestNatsServer } from '@followups/kit/testing';
import { loadUpdateState, saveUpdateState, startSessionLease } from '@followups/telegram';

/**
 * deploy/nats: the production config (nats-server.conf) started as it is, with a password per
 * user from the environment. For each role: what its start-up and its work need is allowed
 * (streams ensured, its durables consumed and acknowledged, its publishes stored), what belongs
 * to another role is refused, and the sandbox is off for everyone. sandbox.conf turns it on.
 */
const CONFIG = fileURLToPath(new URL('../../deploy/nats/nats-server.conf', import.meta.url));
const SANDBOX_CONFIG = fileURLToPath(new URL('../../deploy/nats/sandbox.conf', import.meta.url));

const ROLES = ['gateway', 'agent', 'scheduler', 'dispatcher', 'operator', 'admin'] as const;
type Role = (typeof ROLES)[number];
/** What each service's start-up ensures (services/<name>/src/service.ts). */
const STARTUP: Record<'gateway' | 'agent' | 'scheduler' | 'dispatcher', { streams: StreamKey[]; consumers: ConsumerKey[] }> = {
  gateway: { streams: ['sandboxInput', 'conv', 'deadLetter', 'leases', 'telegram', 'telegramSent', 'attention'], consumers: [] },
  agent: { streams: ['conv', 'schedule', 'dispatch', 'ops', 'attention', 'deadLetter'], consumers: ['agentConvIn'] },
  scheduler: { streams: ['schedule', 'conv', 'ops', 'dispatch', 'deadLetter'], consumers: ['schedulerRequests', 'schedulerConv', 'schedulerOps'] },
  dispatcher: { streams: ['dispatch', 'conv', 'ops', 'attention', 'sandboxInput', 'sandboxDelivered', 'deadLetter'], consumers: ['dispatcher'] },
};

// A letter, then hex: nats-server reads a `$VAR` as a config value (see deploy/nats/README.md).
const passwords = Object.fromEntries(ROLES.map((r) => [r, `p${randomBytes(16).toString('hex')}`])) as Record<Role, string>;
const passwordEnv = Object.fromEntries(ROLES.map((r) => [`NATS_${r.toUpperCase()}_PASSWORD`, passwords[r]]));

interface Conn {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** Permission violations the server reported on this connection (they arrive asynchronously). */
  violations: PermissionViolationError[];
}

async function connectAs(server: TestNatsServer, user: string, pass: string): Promise<Conn> {
  const nc = await connect({ servers: server.url, user, pass, name: `permissions-test-${user}`, timeout: 2000 });
  const violations: PermissionViolationError[] = [];
  void (async () => {
    for await (const s of nc.status()) if (s.type === 'error' && s.error instanceof PermissionViolationError) violations.push(s.error);
  })();
  return { nc, js: jetstream(nc, { timeout: 2000 }), jsm: await jetstreamManager(nc, { timeout: 2000 }), violations };
}

/** A plain publish (what `nats pub` does) the server refuses: reported on the connection, nothing delivered. */
async function expectPublishDenied(c: Conn, subject: string): Promise<void> {
  c.nc.publish(subject, '{}');
  await c.nc.flush(); // the server answers -ERR before the PONG
  await waitFor(`a publish violation for ${subject}`, () => c.violations.some((v) => v.operation === 'publish' && v.subject === subject), 2000, 10);
}

/**
 * A request whose publish the server refuses fails at once (nats.js 3 matches the server's -ERR to
 * the pending request): a RequestError caused by the PermissionViolationError, not a timeout.
 */
async function expectRequestDenied(subject: string, request: Promise<unknown>): Promise<void> {
  const e = await request.then(() => undefined, (err: unknown) => err);
  expect(e, `request on ${subject}`).toBeInstanceOf(RequestError);
  const cause = (e as RequestError).cause;
  expect(cause).toBeInstanceOf(PermissionViolationError);
  expect(cause).toMatchObject({ operation: 'publish', subject });
}

/** A JetStream publish (what the services and the followups CLI do) is a request: refused outright. */
const expectJsPublishDenied = (c: Conn, subject: string) => expectRequestDenied(subject, publishJson(c.js, subject, {}));
/** A JetStream API call (or any request) on a subject the user may not publish to. */
const expectApiDenied = (c: Conn, subject: string) => expectRequestDenied(subject, c.nc.request(subject, '{}', { timeout: 2000 }));

async function expectSubscribeDenied(c: Conn, subject: string, queue?: string): Promise<void> {
  const sub = c.nc.subscribe(subject, queue ? { queue } : {});
  await c.nc.flush();
  const closed = await Promise.race([sub.closed, new Promise((resolve) => setTimeout(() => resolve('still open'), 2000))]);
  expect(closed, `subscription to ${subject}${queue ? ` (queue ${queue})` : ''}`).toBeInstanceOf(PermissionViolationError);
}

/** Pulls one message from a durable and acknowledges it with a confirmed ack: the consume loop's whole path. */
async function consumeOne(c: Conn, key: ConsumerKey): Promise<JsMsg> {
  const def = consumers[key];
  const consumer = await c.js.consumers.get(streams[def.stream].name, def.durable);
  const m = await consumer.next({ expires: 2000 });
  expect(m, `a message on ${def.durable}`).not.toBeNull();
  expect(await m!.ackAck()).toBe(true);
  return m!;
}

const stored = (c: Conn, stream: StreamKey, subject: string) => c.jsm.streams.getMessage(streams[stream].name, { last_by_subj: subject });

describe('deploy/nats/nats-server.conf: a user per service, subject permissions', () => {
  let server: TestNatsServer;
  const as = {} as Record<Role, Conn>;
  const chat = '700100200';

  beforeAll(async () => {
    server = await startNatsServer({ configFile: CONFIG, env: passwordEnv });
    for (const r of ROLES) as[r] = await connectAs(server, r, passwords[r]);
  });
  afterAll(async () => {
    await Promise.all(Object.values(as).map((c) => c.nc.close().catch(() => {})));
    await server?.stop();
  });

  it('lets no one in without a password of their own; NATS_URL may carry the service\'s user and password', async () => {
    await expect(connect({ servers: server.url, timeout: 2000 })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(connect({ servers: server.url, user: 'gateway', pass: passwords.agent, timeout: 2000 })).rejects.toBeInstanceOf(AuthorizationError);
    // nats.js ignores credentials in a server URL; the services' connectNats takes them out of
    // NATS_URL and logs in with them (a password with URL-escaped characters included).
    const withCredentials = server.url.replace('nats://', `nats://scheduler:${encodeURIComponent(passwords.scheduler)}@`);
    await expect(connect({ servers: withCredentials.split(','), timeout: 2000 })).rejects.toBeInstanceOf(AuthorizationError);
    const viaKit = await connectNats(withCredentials, 'permissions-test-url', testLogger());
    expect(viaKit.nc.info?.server_name).toBeDefined();
    await viaKit.nc.close();
  });

  // The next four run in order: each service's start-up, as its own user, on the streams the earlier ones made.
  it('scheduler: ensures its streams and durables, publishes schedule.due (stored in DISPATCH) and a human\'s message as ops.takeover, consumes and acks its requests', async () => {
    const s = as.scheduler;
    await ensureStreams(s.jsm, STARTUP.scheduler.streams);
    await ensureConsumers(s.jsm, STARTUP.scheduler.consumers);
    await ensureStreams(s.jsm, STARTUP.scheduler.streams); // a restart: every stream exists, each is updated
    await ensureConsumers(s.jsm, STARTUP.scheduler.consumers);

    const due = await publishJson(s.js, subjects.scheduleDue(chat), { actionId: 'a1', chatId: chat }, 'due-a1');
    expect(due.stream).toBe(streams.dispatch.name);
    // A human's conv.out recorded as the takeover (handlers/record-takeover.ts): a look at OPS, then a
    // publish expecting its last sequence. Another chat: this file's `chat` is not held until the gateway's turn.
    const opsLast = (await s.jsm.streams.info(streams.ops.name)).state.last_seq;
    expect(await s.jsm.streams.getMessage(streams.ops.name, { last_by_subj: subjects.opsRelease('700100101') })).toBeNull();
    const recorded = await publishJson(s.js, subjects.opsTakeover('700100101'), { operator: 'telegram-app', reason: 'operator_message' }, 'takeover:700100101:1', { lastSequence: opsLast });
    expect(recorded.stream).toBe(streams.ops.name);

    // An operator's intent reaches the scheduler's durable, which pulls and acknowledges it.
    await publishJson(as.operator.js, subjects.scheduleIntent(chat), { chatId: chat });
    expect((await consumeOne(s, 'schedulerRequests')).subject).toBe(subjects.scheduleIntent(chat));
    // What its consumers cannot process goes to a dead letter (kit/consumer.ts).
    expect((await publishJson(s.js, subjects.deadLetter(subjects.scheduleIntent(chat)), { reason: 'invalid' })).stream).toBe(streams.deadLetter.name);
    // The scheduler looks at the dispatchers' backlog (tick/dispatch-backlog.ts): consumer info is a read.
    await expect(s.jsm.consumers.info(streams.dispatch.name, 'no-such-durable')).rejects.toThrow(/consumer not found/i);

    await expectJsPublishDenied(s, subjects.convOut(chat));
    await expectSubscribeDenied(s, 'conv.in.>'); // it reads conv.in through its durable, never live
  });

  it('dispatcher: ensures its streams and durable, consumes a due event, stores conv.out, asks the agent and the gateway', async () => {
    const d = as.dispatcher;
    await ensureStreams(d.jsm, STARTUP.dispatcher.streams);
    await ensureConsumers(d.jsm, STARTUP.dispatcher.consumers);
    expect((await consumeOne(d, 'dispatcher')).subject).toBe(subjects.scheduleDue(chat));

    // Re-validation before a send (handlers/refusal.ts): takeover and last client message, read from the streams.
    expect(await readTakeoverState(d.jsm, chat)).toEqual({ underHuman: false });
    expect(await readLastClientMessage(d.jsm, chat)).toBeNull();
    const out = await publishJson(d.js, subjects.convOut(chat), { chatId: chat, text: 'hi', by: 'bot' });
    expect(out.stream).toBe(streams.conv.name);
    expect((await publishJson(d.js, subjects.opsAttention(chat), { reason: 'call_due' })).stream).toBe(streams.attention.name);

    // Request/reply: the agent answers agent.compose (queue `agent`), the session holder telegram.send
    // (queue `telegram-holder`); both reply through allow_responses.
    const compose = as.agent.nc.subscribe('agent.compose.*', { queue: 'agent', callback: (_e, m) => void m.respond('{"text":"composed"}') });
    const send = as.gateway.nc.subscribe('telegram.send.*', { queue: 'telegram-holder', callback: (_e, m) => void m.respond('{"ok":true}') });
    await Promise.all([as.agent.nc.flush(), as.gateway.nc.flush()]);
    expect((await d.nc.request(subjects.agentCompose(chat), '{}', { timeout: 2000 })).json()).toEqual({ text: 'composed' });
    expect((await d.nc.request(subjects.telegramSend('sales'), '{}', { timeout: 2000 })).json()).toEqual({ ok: true });
    compose.unsubscribe();
    send.unsubscribe();

    await expectJsPublishDenied(d, subjects.scheduleIntent('700100299'));
    await expectJsPublishDenied(d, subjects.scheduleDue('700100299'));
    expect(await stored(as.admin, 'schedule', subjects.scheduleIntent('700100299'))).toBeNull();
  });

  it('gateway: ensures its streams (Telegram ones too), stores conv.in and conv.out, holds the lease; cannot take a chat over on OPS nor release it', async () => {
    const g = as.gateway;
    await ensureStreams(g.jsm, STARTUP.gateway.streams);
    expect((await publishJson(g.js, subjects.convIn(chat), { chatId: chat })).stream).toBe(streams.conv.name);
    // A human typing from the sales account: conv.out by an operator, which is the takeover
    // (services/gateway/src/handlers/operator-message.ts; the scheduler records it in OPS).
    const typed = { chatId: chat, text: 'Иван, это Анна', at: new Date().toISOString(), by: 'operator', operator: 'telegram-app', messageId: 5 };
    expect((await publishJson(g.js, subjects.convOut(chat), typed, `out:${chat}:5`)).stream).toBe(streams.conv.name);
    // Issue 11, least privilege: publishing ops.takeover itself is refused, as JetStream and as `nats pub`.
    await expectJsPublishDenied(g, subjects.opsTakeover(chat));
    await expectPublishDenied(g, subjects.opsTakeover('700100203'));
    await expectApiDenied(g, `$JS.API.STREAM.UPDATE.${streams.ops.name}`);

    // The Telegram session (packages/telegram): the lease's compare-and-set, the update state, the
    // own sends a new holder reads back with an ordered consumer.
    const lease = await startSessionLease({ js: g.js, jsm: g.jsm, account: 'sales', owner: 'gateway-1', ttlMs: 3000, log: testLogger('nats-permissions') });
    expect(lease.holding()).toBe(true);
    await lease.stop();
    expect((await stored(g, 'leases', subjects.telegramLease('sales')))?.json()).toEqual({ owner: 'gateway-1', released: true });
    await saveUpdateState(g.js, 'sales', { pts: 7, qts: 0, date: 0, seq: 0 });
    expect(await loadUpdateState(g.jsm, 'sales')).toMatchObject({ pts: 7 });
    await publishJson(g.js, subjects.telegramSent('sales'), { chatId: chat, randomId: '1', text: 'hi' });
    const sent = await g.js.consumers.get(streams.telegramSent.name, { filter_subjects: subjects.telegramSent('sales') });
    expect((await sent.next({ expires: 2000 }))?.json()).toMatchObject({ randomId: '1' });
    await sent.delete();
    expect((await publishJson(g.js, subjects.telegramStatus('sales'), { state: 'connected' })).stream).toBe(streams.telegram.name);

    await expectJsPublishDenied(g, subjects.opsRelease(chat)); // handing a chat back is for humans
    await expectPublishDenied(g, subjects.opsRelease('700100202'));
    await expectJsPublishDenied(g, subjects.scheduleIntent(chat));
    await expectApiDenied(g, `$JS.API.STREAM.DELETE.${streams.ops.name}`);
    await expectSubscribeDenied(g, 'agent.compose.*', 'agent');
  });

  it('agent: ensures its streams and durable, consumes conv.in, stores schedule.intent and agent.reply; cannot publish schedule.due', async () => {
    const a = as.agent;
    await ensureStreams(a.jsm, STARTUP.agent.streams);
    await ensureConsumers(a.jsm, STARTUP.agent.consumers);
    await publishJson(as.gateway.js, subjects.convIn(chat), { chatId: chat, text: 'напишите через неделю' });
    expect((await consumeOne(a, 'agentConvIn')).subject).toBe(subjects.convIn(chat));

    expect((await publishJson(a.js, subjects.scheduleIntent(chat), { chatId: chat })).stream).toBe(streams.schedule.name);
    expect((await publishJson(a.js, subjects.agentReply(chat), { chatId: chat, text: 'ok' })).stream).toBe(streams.dispatch.name);
    // Whether a human holds the chat (kit/chat-state.ts) reads OPS and CONV: the gateway's conv.out above
    // holds it before the scheduler records any takeover; the scheduler's takeover of another chat is read too.
    expect(await readTakeoverState(a.jsm, chat)).toMatchObject({ underHuman: true, operator: 'telegram-app' });
    expect(await readTakeoverState(a.jsm, '700100101')).toMatchObject({ underHuman: true, operator: 'telegram-app' });

    await expectJsPublishDenied(a, subjects.scheduleDue(chat)); // only the scheduler says what is due
    await expectPublishDenied(a, subjects.scheduleDue('700100201'));
    await expectJsPublishDenied(a, subjects.convOut(chat));
    // No stealing another service's work: pulling the dispatchers' durable is refused.
    await expectApiDenied(a, `$JS.API.CONSUMER.MSG.NEXT.${streams.dispatch.name}.${consumers.dispatcher.durable}`);
    // Compose requests only in its queue group, so one agent answers each.
    await expectSubscribeDenied(a, 'agent.compose.*');
    expect(await stored(as.admin, 'dispatch', subjects.scheduleDue('700100201'))).toBeNull();
  });

  it('operator: `nats pub ops.takeover.<chat>` is stored in OPS; release, attended, intents, reading attention; not schedule.due', async () => {
    const o = as.operator;
    // Exactly what the stock nats CLI does: a plain publish with no headers.
    o.nc.publish(subjects.opsTakeover('700100300'), '{"operator":"anna"}');
    await o.nc.flush();
    expect((await waitFor('the takeover in OPS', () => stored(o, 'ops', subjects.opsTakeover('700100300')), 2000))?.json()).toEqual({ operator: 'anna' });
    o.nc.publish(subjects.opsRelease('700100300'), '{}');
    // What the followups CLI publishes.
    expect((await publishJson(o.js, subjects.opsAttended(chat), {})).stream).toBe(streams.attention.name);
    expect((await publishJson(o.js, subjects.scheduleCancel(chat), { reason: 'operator' })).stream).toBe(streams.schedule.name);
    expect((await publishJson(o.js, subjects.meetingBooked(chat), { chatId: chat })).stream).toBe(streams.schedule.name);
    expect((await waitFor('the release in OPS', () => stored(o, 'ops', subjects.opsRelease('700100300')), 2000))?.json()).toEqual({});
    // `followups attention`: an ordered consumer on ATTENTION (the dispatcher's call_due above).
    const attention = await o.js.consumers.get(streams.attention.name, { filter_subjects: 'ops.attention.>' });
    expect((await attention.next({ expires: 2000 }))?.subject).toBe(subjects.opsAttention(chat));
    await attention.delete();
    // Live hand-offs: `nats sub 'ops.>'`.
    const live = o.nc.subscribe('ops.>', { max: 1 });
    await o.nc.flush();
    await publishJson(as.agent.js, subjects.opsAttention('700100301'), { reason: 'question' });
    for await (const m of live) expect(m.subject).toBe(subjects.opsAttention('700100301'));

    await expectJsPublishDenied(o, subjects.scheduleDue(chat)); // `followups schedule run-due` is admin's
    await expectPublishDenied(o, subjects.convIn(chat));
    await expectApiDenied(o, `$JS.API.STREAM.DELETE.${streams.ops.name}`);
    await expectApiDenied(o, `$JS.API.STREAM.PURGE.${streams.attention.name}`);
    await expectApiDenied(o, `$JS.API.CONSUMER.MSG.NEXT.${streams.ops.name}.${consumers.schedulerOps.durable}`);
    await expectSubscribeDenied(o, 'conv.in.>');
  });

  it('admin: anything but the sandbox (schedule run-due publishes schedule.due)', async () => {
    const a = as.admin;
    expect((await publishJson(a.js, subjects.scheduleDue('700100400'), { actionId: 'a2' })).stream).toBe(streams.dispatch.name);
    expect((await a.jsm.streams.info(streams.deadLetter.name)).config.name).toBe('DEADLETTER');
    await expectJsPublishDenied(a, subjects.sandboxOutbox('700100400'));
  });

  it('the sandbox is off in production: nobody may publish or subscribe to it, or read its streams', async () => {
    for (const r of ROLES) {
      await expectPublishDenied(as[r], subjects.sandboxClient('700100500'));
      await expectPublishDenied(as[r], subjects.sandboxOperator('700100500'));
      await expectSubscribeDenied(as[r], 'sandbox.delivered.>');
    }
    await expectJsPublishDenied(as.dispatcher, subjects.sandboxOutbox('700100500'));
    await expectPublishDenied(as.gateway, 'standin.telegram.connect');
    // The streams exist (the services create them at start-up) and stay empty.
    expect((await as.admin.jsm.streams.info(streams.sandboxInput.name)).state.messages).toBe(0);
    expect((await as.admin.jsm.streams.info(streams.sandboxDelivered.name)).state.messages).toBe(0);
    await expectApiDenied(as.gateway, `$JS.API.CONSUMER.MSG.NEXT.${streams.sandboxInput.name}.${consumers.gatewaySandbox.durable}`);
    await expectApiDenied(as.dispatcher, `$JS.API.STREAM.MSG.GET.${streams.sandboxInput.name}`);
  });
});

describe('deploy/nats/sandbox.conf: the same users, with the sandbox on', () => {
  let server: TestNatsServer;
  const as = {} as Record<Role, Conn>;

  beforeAll(async () => {
    server = await startNatsServer({ configFile: SANDBOX_CONFIG, env: { ...passwordEnv, NATS_STANDIN_PASSWORD: 'pstandin' } });
    for (const r of ROLES) as[r] = await connectAs(server, r, passwords[r]);
  });
  afterAll(async () => {
    await Promise.all(Object.values(as).map((c) => c.nc.close().catch(() => {})));
    await server?.stop();
  });

  it('a client typing reaches the gateway\'s durable, a send reaches sandbox.delivered; the rest stays as in production', async () => {
    await ensureStreams(as.gateway.jsm, STARTUP.gateway.streams);
    await ensureConsumers(as.gateway.jsm, ['gatewaySandbox']);
    await ensureStreams(as.dispatcher.jsm, STARTUP.dispatcher.streams);

    as.operator.nc.publish(subjects.sandboxClient('700100600'), '{"text":"hello"}');
    expect((await consumeOne(as.gateway, 'gatewaySandbox')).subject).toBe(subjects.sandboxClient('700100600'));
    expect(await stored(as.dispatcher, 'sandboxInput', subjects.sandboxClient('700100600'))).not.toBeNull();

    const delivered = as.operator.nc.subscribe('sandbox.delivered.>', { max: 1 });
    await as.operator.nc.flush();
    expect((await publishJson(as.dispatcher.js, subjects.sandboxOutbox('700100600'), { text: 'hi' }, 'r1')).stream).toBe(streams.sandboxDelivered.name);
    for await (const m of delivered) expect(m.subject).toBe(subjects.sandboxDelivered('700100600'));

    await expectJsPublishDenied(as.agent, subjects.scheduleDue('700100600'));
    await expectJsPublishDenied(as.agent, subjects.sandboxOutbox('700100600'));
  });
});
