import type { JetStreamClient } from '@nats-io/jetstream';
import bigInt from 'big-integer';
import { Api, type TelegramClient } from 'telegram';
import { opsAttentionSchema, subjects, telegramSendRequestSchema, type TelegramSendReply } from '@followups/contracts';
import { describeError, isRetryLaterError, publishJson, type Logger } from '@followups/kit';
import { classifySendError } from '../errors.js';
import type { SendPacer } from '../send-pacer.js';
import type { OwnSends } from './own-sends.js';
import type { PeerStore } from './peers.js';

export interface SendServiceDeps {
  client: TelegramClient;
  peers: PeerStore;
  ownSends: OwnSends;
  pacer: SendPacer;
  js: JetStreamClient;
  log: Logger;
  revoked: () => boolean;
  /** Ends the session for good (a session error). */
  revoke: (reason: string) => Promise<void>;
  /** Fetches what the account missed (and the users it mentions). */
  catchUp: () => Promise<void>;
}

/**
 * The holder's answer to one `telegram.send.<account>` request: find the client's access hash,
 * mark the client's message read if this answers it, record the send as the account's own, send
 * with the request's random id through the pacer, and say what happened in the terms the
 * dispatchers act on (sent, duplicate, flood wait, permanent, session, transient).
 */
export function createSendService(d: SendServiceDeps): (data: Uint8Array) => Promise<TelegramSendReply> {
  let dialogsReadAt = 0;
  /** The users of the account's recent dialogs; at most every few seconds, however many sends ask. */
  const learnFromDialogs = async () => {
    if (Date.now() - dialogsReadAt < 5000) return;
    dialogsReadAt = Date.now();
    const dialogs = await d.client.invoke(new Api.messages.GetDialogs({ offsetPeer: new Api.InputPeerEmpty(), limit: 100, offsetDate: 0, offsetId: 0, hash: bigInt(0) }));
    if (!(dialogs instanceof Api.messages.DialogsNotModified)) await d.peers.remember(dialogs.users);
  };

  const sessionRevoked = async (chatId: string, text: string, randomId: string): Promise<TelegramSendReply> => {
    // Someone must see that this client was not written to, and why.
    const attention = opsAttentionSchema.parse({
      chatId,
      reason: 'session_revoked',
      text,
      at: new Date().toISOString(),
      suggested: 'log the sales account in again (followups telegram login), then write to the client by hand',
      by: 'gateway',
    });
    await publishJson(d.js, subjects.opsAttention(chatId), attention, `attention:session:${randomId}`).catch(() => undefined);
    return { ok: false, error: 'session', reason: 'SESSION_REVOKED: the Telegram session was revoked' };
  };

  return async (data) => {
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(data));
    } catch {
      return { ok: false, error: 'permanent', reason: 'the request is not JSON' };
    }
    const parsed = telegramSendRequestSchema.safeParse(body);
    if (!parsed.success) return { ok: false, error: 'permanent', reason: `invalid request: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
    const r = parsed.data;
    if (d.revoked()) return sessionRevoked(r.chatId, r.text, r.randomId);
    try {
      // Not stored yet: it may come with the next difference, or else with the account's recent
      // dialogs (a message that arrived only in the short form, before the state was kept).
      const peer =
        (await d.peers.inputPeer(r.chatId)) ??
        (await d.catchUp().then(() => d.peers.inputPeer(r.chatId))) ??
        (await learnFromDialogs().then(() => d.peers.inputPeer(r.chatId)));
      if (!peer) return { ok: false, error: 'permanent', reason: 'PEER_ID_INVALID: this account never saw the user (no access hash)' };
      const messageId = await d.pacer.send(r.chatId, async () => {
        if (r.readUpTo) {
          await d.client.invoke(new Api.messages.ReadHistory({ peer, maxId: r.readUpTo })).catch((e: unknown) => d.log.debug({ reason: describeError(e) }, 'could not mark read'));
        }
        await d.ownSends.intend(r.chatId, r.randomId, r.text);
        const result = await d.client.invoke(new Api.messages.SendMessage({ peer, message: r.text, randomId: bigInt(r.randomId), noWebpage: true }));
        const id = messageIdOf(result, r.randomId);
        if (id) await d.ownSends.sent(r.chatId, r.randomId, id);
        return id;
      });
      return { ok: true, messageId };
    } catch (e) {
      if (isRetryLaterError(e)) return { ok: false, error: 'flood_wait', reason: e.message, retryAfterMs: e.delayMs };
      const f = classifySendError(e);
      switch (f.kind) {
        case 'duplicate':
          return { ok: false, error: 'duplicate', reason: 'RANDOM_ID_DUPLICATE' };
        case 'permanent':
          return { ok: false, error: 'permanent', reason: f.reason };
        case 'session':
          await d.revoke(f.reason);
          return sessionRevoked(r.chatId, r.text, r.randomId);
        default:
          return { ok: false, error: 'transient', reason: describeError(e) };
      }
    }
  };
}

/** The message id Telegram gave a send: in the short answer, or the container's UpdateMessageID for our random id. */
function messageIdOf(result: Api.TypeUpdates, randomId: string): number {
  if (result instanceof Api.UpdateShortSentMessage) return result.id;
  if (result instanceof Api.Updates || result instanceof Api.UpdatesCombined) {
    for (const u of result.updates) if (u instanceof Api.UpdateMessageID && String(u.randomId) === randomId) return u.id;
  }
  return 0;
}
