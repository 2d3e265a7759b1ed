import { randomBytes, randomUUID } from 'node:crypto';
import type { Msg, NatsConnection, Subscription } from '@nats-io/nats-core';
import bigInt from 'big-integer';
import { Api, sessions } from 'telegram';
import { AuthKey } from 'telegram/crypto/AuthKey.js';
import { srpChallenge, type SrpChallenge } from './srp.js';
import { STANDIN_PING_MS, StandinRpcError, decodeRequest, encodeResult, rpcErrorHeaders, standinSubjects } from './wire.js';

/** Most messages one `updates.getDifference` answer carries; more come as a `DifferenceSlice`. */
const DIFFERENCE_LIMIT = 50;

export interface StandinOptions {
  nc: NatsConnection;
  /** The account's own user. */
  self?: { id: string; firstName?: string; username?: string; phone?: string };
  /** What `telegram login` must be given. */
  login?: { phone?: string; code?: string; password?: string; passwordHint?: string };
}

export interface StandinSend {
  chatId: string;
  messageId: number;
  text: string;
  randomId: string;
  at: Date;
}

/**
 * A small Telegram for one user account, at the level GramJS talks to: it keeps the account's
 * message box (ids, pts), its clients (with access hashes a send must quote), the random ids it
 * has seen, sessions and their auth keys, and answers the requests the stack makes with GramJS's
 * own types. Tests drive the people around it: a client writes, the manager types on the phone,
 * a send is refused (FLOOD_WAIT_7, USER_IS_BLOCKED…), updates stop arriving, a session is revoked.
 */
export interface TelegramStandin {
  readonly selfId: string;
  /** A logged-in session string, as `followups telegram login` would print it. */
  authorizedSession(): Promise<string>;
  /** A client writes to the account; returns the message id. `media` instead of text for a photo, sticker… */
  clientWrites(chatId: string, text: string, o?: { media?: Api.TypeMessageMedia; firstName?: string; username?: string; pushTwice?: boolean }): number;
  /** The manager types in the chat from another device (the phone). */
  accountWritesElsewhere(chatId: string, text: string): number;
  /** What the stack sent through `messages.sendMessage`, in order. */
  sent(chatId?: string): StandinSend[];
  /** The highest message id the account marked read in the chat. */
  readUpTo(chatId: string): number;
  /** The next `messages.sendMessage` to the chat fails with this RPC error, e.g. (420, 'FLOOD_WAIT_7'). */
  failNextSend(chatId: string, code: number, message: string): void;
  /** A send to the chat is answered, but the answer is lost on the way back (the sender sees a timeout). */
  loseNextSendReply(chatId: string): void;
  /** Keeps connections up but stops pushing updates to them (they still answer requests). */
  pauseUpdates(): void;
  resumeUpdates(): void;
  /** Every session is revoked: requests get 401 SESSION_REVOKED. */
  revokeSessions(): void;
  /** Times two live connections used the same auth key (Telegram answers AUTH_KEY_DUPLICATED). */
  duplicatedConnections(): number;
  /** Connections alive now (pinged within the last second or so). */
  liveConnections(): number;
  /** How many requests of this class arrived, e.g. 'updates.GetDifference'. */
  invoked(className: string): number;
  close(): void;
}

interface Connection {
  id: string;
  key: string;
  lastSeen: number;
}

interface Stored {
  pts: number;
  chatId: string;
  message: Api.Message;
}

export function startTelegramStandin(o: StandinOptions): TelegramStandin {
  const { nc } = o;
  const self = new Api.User({
    id: bigInt(o.self?.id ?? '5000001'),
    accessHash: bigInt(1),
    firstName: o.self?.firstName ?? 'Anna',
    username: o.self?.username ?? 'anna_sales',
    phone: (o.self?.phone ?? '+79990000001').replace('+', ''),
    self: true,
  });
  const login = { phone: '+79990000001', code: '12345', ...o.login };
  const users = new Map<string, Api.User>();
  const box: Stored[] = [];
  const sends: StandinSend[] = [];
  const randomIds = new Map<string, number>();
  const reads = new Map<string, number>();
  const failures = new Map<string, StandinRpcError[]>();
  const lostReplies = new Set<string>();
  const keys = new Map<string, { authorized: boolean; revoked: boolean }>();
  const connections = new Map<string, Connection>();
  const counts = new Map<string, number>();
  let duplicates = 0;
  let paused = false;
  let pts = 1;
  let nextMessageId = 1;
  let pendingPassword: SrpChallenge | undefined;

  const now = () => Math.floor(Date.now() / 1000);
  // A killed process's socket closes at once for Telegram; here its pings stop, and after a few it is gone.
  const alive = (c: Connection) => Date.now() - c.lastSeen < STANDIN_PING_MS;
  const userOf = (chatId: string, firstName?: string, username?: string) => {
    let u = users.get(chatId);
    if (!u) {
      u = new Api.User({ id: bigInt(chatId), accessHash: bigInt(BigInt.asIntN(63, randomBytes(8).readBigUInt64BE()).toString()), firstName: firstName ?? `Client ${chatId}`, username });
      users.set(chatId, u);
    }
    return u;
  };
  const store = (chatId: string, out: boolean, text: string, media?: Api.TypeMessageMedia): Stored => {
    pts += 1;
    const message = new Api.Message({
      id: nextMessageId++,
      out,
      peerId: new Api.PeerUser({ userId: bigInt(chatId) }),
      ...(out ? {} : { fromId: new Api.PeerUser({ userId: bigInt(chatId) }) }),
      date: now(),
      message: text,
      ...(media ? { media } : {}),
    });
    const stored = { pts, chatId, message };
    box.push(stored);
    return stored;
  };
  const push = (update: Api.TypeUpdates, times = 1) => {
    if (paused) return;
    for (const c of connections.values()) {
      if (!alive(c)) continue;
      for (let i = 0; i < times; i++) nc.publish(standinSubjects.updates(c.id), update.getBytes());
    }
  };
  const liveUpdate = (s: Stored, user: Api.User, times = 1) => {
    const m = s.message;
    // Telegram's short form for a private text message; a message with media comes whole, with its user.
    if (!m.media) {
      push(new Api.UpdateShortMessage({ id: m.id, userId: bigInt(s.chatId), message: m.message, pts: s.pts, ptsCount: 1, date: m.date, out: m.out }), times);
    } else {
      push(new Api.Updates({ updates: [new Api.UpdateNewMessage({ message: m, pts: s.pts, ptsCount: 1 })], users: [user], chats: [], date: m.date, seq: 0 }), times);
    }
  };
  const state = () => new Api.updates.State({ pts, qts: 0, date: now(), seq: 0, unreadCount: 0 });
  const chatOf = (peer: Api.TypeEntityLike): string => {
    if (!(peer instanceof Api.InputPeerUser)) throw new StandinRpcError(400, 'PEER_ID_INVALID');
    const user = users.get(peer.userId.toString());
    // A user account must quote the access hash Telegram gave it for this user.
    if (!user || user.accessHash?.toString() !== peer.accessHash.toString()) throw new StandinRpcError(400, 'PEER_ID_INVALID');
    return peer.userId.toString();
  };

  const authorize = (c: Connection) => {
    const k = keys.get(c.key);
    if (!k || !k.authorized) throw new StandinRpcError(401, 'AUTH_KEY_UNREGISTERED');
    if (k.revoked) throw new StandinRpcError(401, 'SESSION_REVOKED');
  };

  async function answer(c: Connection, request: Api.AnyRequest): Promise<unknown> {
    counts.set(request.className, (counts.get(request.className) ?? 0) + 1);
    // Login first: these work on a session that is not logged in yet.
    if (request instanceof Api.auth.SendCode) {
      if (!/^\+?\d{10,15}$/.test(request.phoneNumber)) throw new StandinRpcError(400, 'PHONE_NUMBER_INVALID');
      return new Api.auth.SentCode({ type: new Api.auth.SentCodeTypeApp({ length: login.code.length }), phoneCodeHash: randomUUID() });
    }
    if (request instanceof Api.auth.SignIn) {
      if (request.phoneCode !== login.code) throw new StandinRpcError(400, 'PHONE_CODE_INVALID');
      if (login.password) {
        keys.set(c.key, { authorized: false, revoked: false });
        throw new StandinRpcError(401, 'SESSION_PASSWORD_NEEDED');
      }
      keys.set(c.key, { authorized: true, revoked: false });
      return new Api.auth.Authorization({ user: self });
    }
    if (request instanceof Api.account.GetPassword) {
      pendingPassword = await srpChallenge(login.password ?? '', login.passwordHint);
      return pendingPassword.password;
    }
    if (request instanceof Api.auth.CheckPassword) {
      if (!pendingPassword?.verify(request.password)) throw new StandinRpcError(400, 'PASSWORD_HASH_INVALID');
      keys.set(c.key, { authorized: true, revoked: false });
      return new Api.auth.Authorization({ user: self });
    }

    authorize(c);
    if (request instanceof Api.updates.GetState) return state();
    if (request instanceof Api.users.GetUsers) {
      return request.id.map((input) => (input instanceof Api.InputUserSelf ? self : users.get(String((input as Api.InputUser).userId)) ?? new Api.UserEmpty({ id: bigInt(0) })));
    }
    if (request instanceof Api.updates.GetDifference) {
      const after = box.filter((s) => s.pts > request.pts);
      if (after.length === 0) return new Api.updates.DifferenceEmpty({ date: now(), seq: 0 });
      const part = after.slice(0, DIFFERENCE_LIMIT);
      const last = part[part.length - 1]!;
      const involved = [...new Set(part.map((s) => s.chatId))].map((id) => userOf(id));
      const common = { newMessages: part.map((s) => s.message), newEncryptedMessages: [], otherUpdates: [], chats: [], users: [self, ...involved] };
      if (part.length < after.length) return new Api.updates.DifferenceSlice({ ...common, intermediateState: new Api.updates.State({ pts: last.pts, qts: 0, date: last.message.date, seq: 0, unreadCount: 0 }) });
      return new Api.updates.Difference({ ...common, state: state() });
    }
    if (request instanceof Api.messages.SendMessage) {
      const chatId = chatOf(request.peer);
      const failure = failures.get(chatId)?.shift();
      if (failure) throw failure;
      const randomId = String(request.randomId);
      if (randomIds.has(randomId)) throw new StandinRpcError(400, 'RANDOM_ID_DUPLICATE');
      const s = store(chatId, true, request.message);
      randomIds.set(randomId, s.message.id);
      sends.push({ chatId, messageId: s.message.id, text: request.message, randomId, at: new Date() });
      if (lostReplies.delete(chatId)) return LOST;
      return new Api.UpdateShortSentMessage({ id: s.message.id, pts: s.pts, ptsCount: 1, date: s.message.date, out: true });
    }
    if (request instanceof Api.messages.ReadHistory) {
      const chatId = chatOf(request.peer);
      reads.set(chatId, Math.max(reads.get(chatId) ?? 0, request.maxId));
      return new Api.messages.AffectedMessages({ pts, ptsCount: 0 });
    }
    if (request instanceof Api.messages.GetDialogs) {
      // The most recent chats first, each with its last message and its user (with the access hash).
      const lastByChat = new Map<string, Stored>();
      for (const st of box) lastByChat.set(st.chatId, st);
      const recent = [...lastByChat.values()].reverse().slice(0, request.limit);
      return new Api.messages.Dialogs({
        dialogs: recent.map((st) => new Api.Dialog({ peer: new Api.PeerUser({ userId: bigInt(st.chatId) }), topMessage: st.message.id, readInboxMaxId: reads.get(st.chatId) ?? 0, readOutboxMaxId: 0, unreadCount: 0, unreadMentionsCount: 0, unreadReactionsCount: 0, notifySettings: new Api.PeerNotifySettings({}) })),
        messages: recent.map((st) => st.message),
        chats: [],
        users: recent.map((st) => userOf(st.chatId)),
      });
    }
    if (request instanceof Api.messages.SetTyping) return true;
    throw new StandinRpcError(400, `METHOD_NOT_IN_STANDIN_${request.className}`);
  }

  const subs: Subscription[] = [];
  const on = (subject: string, handle: (m: Msg, token: string) => void | Promise<void>) =>
    subs.push(nc.subscribe(subject, { callback: (err, m) => void (err ? undefined : handle(m, m.subject.split('.').pop()!)) }));

  on(standinSubjects.connect, async (m) => {
    const { key } = m.json<{ key: string | null }>();
    const issued = key ?? randomBytes(256).toString('hex');
    if (!keys.has(issued)) keys.set(issued, { authorized: false, revoked: false });
    const c: Connection = { id: randomUUID().replaceAll('-', ''), key: issued, lastSeen: Date.now() };
    if ([...connections.values()].some((other) => other.key === issued && alive(other))) duplicates += 1;
    connections.set(c.id, c);
    m.respond(JSON.stringify({ connection: c.id, key: issued }));
  });
  on(standinSubjects.ping('*'), (_m, id) => {
    const c = connections.get(id);
    if (c) c.lastSeen = Date.now();
  });
  on(standinSubjects.disconnect('*'), (_m, id) => void connections.delete(id));
  on(standinSubjects.invoke('*'), async (m, id) => {
    const c = connections.get(id);
    try {
      if (!c) throw new StandinRpcError(400, 'CONNECTION_NOT_INITED');
      c.lastSeen = Date.now();
      if ([...connections.values()].some((other) => other !== c && other.key === c.key && alive(other))) {
        duplicates += 1;
        throw new StandinRpcError(406, 'AUTH_KEY_DUPLICATED');
      }
      const result = await answer(c, decodeRequest(m.data));
      if (result === LOST) return; // the request took effect; its answer never arrives
      m.respond(encodeResult(result));
    } catch (e) {
      const error = e instanceof StandinRpcError ? e : new StandinRpcError(500, `INTERNAL: ${String(e)}`);
      m.respond(new Uint8Array(), { headers: rpcErrorHeaders(error.header) });
    }
  });

  return {
    selfId: self.id.toString(),
    async authorizedSession() {
      const key = randomBytes(256);
      keys.set(key.toString('hex'), { authorized: true, revoked: false });
      const session = new sessions.StringSession('');
      const authKey = new AuthKey();
      await authKey.setKey(key);
      session.setDC(2, '127.0.0.1', 443);
      session.setAuthKey(authKey);
      return session.save();
    },
    clientWrites(chatId, text, w = {}) {
      const user = userOf(chatId, w.firstName, w.username);
      const s = store(chatId, false, text, w.media);
      liveUpdate(s, user, w.pushTwice ? 2 : 1);
      return s.message.id;
    },
    accountWritesElsewhere(chatId, text) {
      const s = store(chatId, true, text);
      liveUpdate(s, userOf(chatId));
      return s.message.id;
    },
    sent: (chatId) => sends.filter((s) => chatId === undefined || s.chatId === chatId),
    readUpTo: (chatId) => reads.get(chatId) ?? 0,
    failNextSend(chatId, code, message) {
      failures.set(chatId, [...(failures.get(chatId) ?? []), new StandinRpcError(code, message)]);
    },
    loseNextSendReply: (chatId) => void lostReplies.add(chatId),
    pauseUpdates: () => void (paused = true),
    resumeUpdates: () => void (paused = false),
    revokeSessions() {
      for (const k of keys.values()) k.revoked = true;
    },
    duplicatedConnections: () => duplicates,
    liveConnections: () => [...connections.values()].filter(alive).length,
    invoked: (className) => counts.get(className) ?? 0,
    close() {
      for (const s of subs) s.unsubscribe();
    },
  };
}

const LOST = Symbol('lost reply');
