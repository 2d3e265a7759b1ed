import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { Api, type TelegramClient } from 'telegram';
import { Raw } from 'telegram/events/index.js';
import { UpdateConnectionState } from 'telegram/network/index.js';
import { subjects, type DeadLetter, type TelegramStatus } from '@followups/contracts';
import { describeError, isNonRetriableError, publishJson, type Logger } from '@followups/kit';
import { catchUp, type UpdateState } from '../catch-up.js';
import { classifyUpdate, type UpdateEvent } from '../classify-update.js';
import { classifySendError } from '../errors.js';
import { createSendPacer, type SendPacerOptions } from '../send-pacer.js';
import { loadUpdateState, saveUpdateState } from '../update-state-store.js';
import { OwnSends } from './own-sends.js';
import { createSendService } from './send-service.js';
import { PeerStore } from './peers.js';

/** A client's message, with what is known of the sender. */
export type ClientMessage = Extract<UpdateEvent, { kind: 'client' }> & { from: { name?: string; username?: string } };
export type OperatorMessage = Extract<UpdateEvent, { kind: 'operator' }>;

export interface HolderOptions {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  account: string;
  owner: string;
  log: Logger;
  client: TelegramClient;
  /** Publishes a client's message (conv.in); rejects when it could not be stored, so the update is fetched again. */
  onClientMessage(m: ClientMessage): Promise<void>;
  /** Publishes the manager typing on another device (conv.out by the operator + a takeover). */
  onOperatorMessage(m: OperatorMessage): Promise<void>;
  allowChat?: (chatId: string) => boolean;
  /** How often the update stream is checked against `updates.getDifference` (and the connection with it). */
  watchdogMs: number;
  /** A pause after a live update before the state is advanced, so a burst costs one getDifference. */
  syncDelayMs: number;
  pacer?: SendPacerOptions;
  /** A message a check finds this much older than now, never seen live, means updates stopped arriving. */
  missedAfterMs?: number;
}

export interface Holder {
  readonly revoked: boolean;
  /** Disconnects and stops answering sends. */
  stop(): Promise<void>;
}

/** Messages remembered as published, to skip them when a difference brings them again. */
const REMEMBERED = 20_000;

/**
 * The session's holder: the one process that talks to Telegram for the account. It connects,
 * catches up from the stored update state (`updates.getDifference`), turns live updates into
 * events, answers `telegram.send.<account>` for every dispatcher, and keeps a watchdog that
 * checks the update stream against the server and reconnects when updates stopped arriving.
 * The update state only moves forward through getDifference, after everything it returned was
 * published: a message is never skipped, whatever was lost on the way.
 */
export async function startHolder(o: HolderOptions): Promise<Holder> {
  const log = o.log.child({ account: o.account });
  const { client } = o;
  const peers = new PeerStore(o);
  const ownSends = new OwnSends(o);
  const pacer = createSendPacer(o.pacer);
  const published = new Set<string>();
  const inFlight = new Map<string, Promise<void>>();
  const chatChains = new Map<string, Promise<void>>();
  let state: UpdateState;
  let revoked = false;
  let stopped = false;
  let connectedAt = Date.now();
  let user: TelegramStatus['user'];

  const publishStatus = (s: TelegramStatus['state'], reason?: string) =>
    publishJson(o.js, subjects.telegramStatus(o.account), {
      account: o.account,
      state: s,
      owner: o.owner,
      at: new Date().toISOString(),
      ...(reason ? { reason } : {}),
      ...(user ? { user } : {}),
    } satisfies TelegramStatus).catch((e: unknown) => log.warn({ reason: describeError(e) }, 'could not publish the Telegram status'));

  const classify = (update: Api.TypeUpdates | Api.TypeUpdate) =>
    classifyUpdate(update, {
      isOwnSend: (chatId, messageId, text) => ownSends.isOwn(chatId, messageId, text),
      isBot: (chatId) => peers.cached(chatId)?.bot === true,
      ...(o.allowChat ? { allowChat: o.allowChat } : {}),
    });

  /** Publishes an event once; a chat's events in the order they came. */
  const deliver = (e: UpdateEvent): Promise<void> => {
    const key = `${e.chatId}:${e.messageId}`;
    if (published.has(key)) return Promise.resolve();
    const pending = inFlight.get(key);
    if (pending) return pending;
    const publish = async () => {
      try {
        if (e.kind === 'client') {
          const known = peers.cached(e.chatId);
          await o.onClientMessage({ ...e, from: { ...(known?.name ? { name: known.name } : {}), ...(known?.username ? { username: known.username } : {}) } });
        } else await o.onOperatorMessage(e);
      } catch (err) {
        // Never an event (e.g. an invalid one): dead-lettered with the reason, not fetched again forever.
        if (!isNonRetriableError(err)) throw err;
        await deadLetter(e, describeError(err));
      }
      published.add(key);
      if (published.size > REMEMBERED) published.delete(published.values().next().value as string);
    };
    const run = (chatChains.get(e.chatId) ?? Promise.resolve()).then(publish).finally(() => inFlight.delete(key));
    chatChains.set(e.chatId, run.catch(() => undefined));
    inFlight.set(key, run);
    return run;
  };

  const deadLetter = async (e: UpdateEvent, reason: string) => {
    const subject = e.kind === 'client' ? subjects.convIn(e.chatId) : subjects.convOut(e.chatId);
    log.error({ chatId: e.chatId, messageId: e.messageId, reason }, 'a Telegram message could not become an event; dead-lettered');
    const record: DeadLetter = { subject, service: 'gateway', consumer: `telegram-${o.account}`, reason, data: JSON.stringify(e).slice(0, 65_536), streamSeq: 0, at: new Date().toISOString() };
    await publishJson(o.js, subjects.deadLetter(subject), record, `dlq:telegram:${o.account}:${e.chatId}:${e.messageId}`);
  };

  const revoke = async (reason: string) => {
    if (revoked) return;
    revoked = true;
    clearInterval(watchdog);
    log.error({ reason }, 'the Telegram session was revoked: nothing is sent until an operator logs in again (followups telegram login)');
    await publishStatus('revoked', reason);
    await client.disconnect().catch(() => undefined);
  };
  /** A session error ends the session; anything else is for the caller. */
  const sessionGone = async (e: unknown) => {
    const f = classifySendError(e);
    if (f.kind === 'session') await revoke(f.reason);
    return f.kind === 'session';
  };

  /** Fetches what the server has after the stored state, publishes it, then stores the new state. Returns the messages never seen live. */
  const syncOnce = async (): Promise<number> => {
    let missed = 0;
    const work: Promise<unknown>[] = [];
    const next = await catchUp(
      state,
      (request) => client.invoke(request),
      (update) => {
        for (const e of classify(update)) {
          const key = `${e.chatId}:${e.messageId}`;
          if (!published.has(key) && !inFlight.has(key) && Date.now() - e.at.getTime() > (o.missedAfterMs ?? 10_000)) missed += 1;
          work.push(deliver(e));
        }
      },
      (users) => work.push(peers.remember(users)),
    );
    await Promise.all(work);
    if (next.pts !== state.pts || next.qts !== state.qts || next.seq !== state.seq) await saveUpdateState(o.js, o.account, next);
    state = next;
    return missed;
  };
  let syncChain: Promise<number> = Promise.resolve(0);
  const sync = (): Promise<number> => (syncChain = syncChain.catch(() => 0).then(syncOnce));

  let syncTimer: NodeJS.Timeout | undefined;
  const syncSoon = () => {
    if (syncTimer || stopped || revoked) return;
    syncTimer = setTimeout(() => {
      syncTimer = undefined;
      void sync().catch(async (e: unknown) => {
        if (!(await sessionGone(e))) log.warn({ reason: describeError(e) }, 'catching up failed; the watchdog tries again');
      });
    }, o.syncDelayMs);
  };

  const reconnect = async (why: string) => {
    log.warn({ why }, 'reconnecting to Telegram');
    await publishStatus('reconnecting', why);
    await client.disconnect().catch(() => undefined);
    await client.connect();
    connectedAt = Date.now();
    await sync();
    await publishStatus('connected');
  };

  // Live updates: published at once (a client's message must not wait for the next check), then
  // the state is advanced by a getDifference shortly after.
  client.addEventHandler((update: Api.TypeUpdate | UpdateConnectionState) => {
    if (stopped || revoked) return;
    if (update instanceof UpdateConnectionState) {
      if (update.state === UpdateConnectionState.connected) syncSoon();
      return;
    }
    for (const e of classify(update)) deliver(e).catch((err: unknown) => log.warn({ chatId: e.chatId, reason: describeError(err) }, 'could not publish a message; the next catch-up brings it again'));
    syncSoon();
  }, new Raw({}));

  const serveSend = createSendService({
    client,
    peers,
    ownSends,
    pacer,
    js: o.js,
    log,
    revoked: () => revoked,
    revoke,
    // A client whose access hash is not stored yet may come with the next difference.
    catchUp: () => sync().then(() => undefined),
  });

  let sends: Subscription | undefined;
  let watchdog: NodeJS.Timeout | undefined;

  await publishStatus('connecting');
  try {
    await client.connect();
    const me = await client.getMe();
    user = { id: me.id.toString(), ...(me.username ? { username: me.username } : {}), ...(me.firstName ? { name: [me.firstName, me.lastName].filter(Boolean).join(' ') } : {}) };
    const loaded = await ownSends.load();
    const stored = await loadUpdateState(o.jsm, o.account);
    if (stored) state = stored;
    else {
      // First start of this account: what came before is history, not something to answer now.
      const s = await client.invoke(new Api.updates.GetState());
      state = { pts: s.pts, qts: s.qts, date: s.date, seq: s.seq };
      await saveUpdateState(o.js, o.account, state);
    }
    // Caught up before the first send is served: a client who wrote while the stack was down is
    // in conv.in before any follow-up to them can go out.
    const missed = await sync();
    log.info({ user: user.username ?? user.id, ownSends: loaded, caughtUp: missed, pts: state.pts }, 'Telegram session connected and caught up');
  } catch (e) {
    // A revoked session is still served: every send is answered "session revoked" (the action
    // fails with the reason and the operators are alerted) instead of waiting for a holder forever.
    if (!(await sessionGone(e))) {
      stopped = true;
      clearTimeout(syncTimer);
      await client.disconnect().catch(() => undefined);
      throw e;
    }
  }

  sends = o.nc.subscribe(subjects.telegramSend(o.account), {
    queue: 'telegram-holder',
    callback: (err, m) => {
      if (err) return;
      void serveSend(m.data).then((reply) => m.respond(JSON.stringify(reply)));
    },
  });
  if (revoked) return { revoked: true, stop: async () => void (await sends.drain().catch(() => undefined)) };
  await publishStatus('connected');

  watchdog = setInterval(() => {
    if (stopped || revoked) return;
    void sync()
      .then(async (missed) => {
        if (missed > 0 && Date.now() - connectedAt > o.watchdogMs) await reconnect(`${missed} message(s) arrived without an update`);
      })
      .catch(async (e: unknown) => {
        if (await sessionGone(e)) return;
        await reconnect(`checking the update stream failed: ${describeError(e)}`).catch((err: unknown) => log.warn({ reason: describeError(err) }, 'reconnect failed; trying again at the next check'));
      });
  }, o.watchdogMs);

  return {
    get revoked() {
      return revoked;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(watchdog);
      await sends?.drain().catch(() => undefined);
      // A live update not yet followed by its getDifference: advance the state now, so the next
      // holder does not hand the same messages on again.
      if (syncTimer && !revoked) await sync().catch(() => undefined);
      clearTimeout(syncTimer);
      await syncChain.catch(() => undefined);
      await client.disconnect().catch(() => undefined);
    },
  };
}
