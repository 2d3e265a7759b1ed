import { Api } from 'telegram';

/** What one Telegram update means for the stack. */
export type UpdateEvent =
  /** The client wrote in a private chat: becomes `conv.in`. */
  | { kind: 'client'; chatId: string; messageId: number; text: string; at: Date }
  /** The sales account wrote from another device (the manager's phone): `conv.out` by the operator, and a takeover. */
  | { kind: 'operator'; chatId: string; messageId: number; text: string; at: Date };

export interface ClassifyOptions {
  /** Whether a message of the account was sent by this very connection (the dispatcher's send), not typed elsewhere. */
  isOwnSend: (chatId: string, messageId: number, text: string) => boolean;
  /** Chats beyond private ones that are served (default: none: groups, channels and bots are ignored). */
  allowChat?: (chatId: string) => boolean;
  /** Private chats that are not clients: bots the account talks to (known from the user entities seen). */
  isBot?: (chatId: string) => boolean;
}

/** Telegram's own service account: login codes and security notices arrive from it, never to be read as a client's words. */
export const TELEGRAM_SERVICE_USER = '777000';

/**
 * Turns an update into the conversation events it carries. New messages only: edits and
 * deletions never cancel anything, and `UpdateShortSentMessage` (the answer to our own send) is
 * never an operator's message. Media and stickers become a placeholder text, so the agent and the
 * cancellation logic still see that the client wrote. Containers (`Updates`, `UpdatesCombined`)
 * are read for every message they hold.
 */
export function classifyUpdate(update: Api.TypeUpdates | Api.TypeUpdate, o: ClassifyOptions): UpdateEvent[] {
  if (update instanceof Api.Updates || update instanceof Api.UpdatesCombined) return update.updates.flatMap((u) => classifyUpdate(u, o));
  if (update instanceof Api.UpdateShort) return classifyUpdate(update.update, o);
  if (update instanceof Api.UpdateShortMessage) {
    const chatId = String(update.userId);
    return eventOf({ chatId, messageId: update.id, out: Boolean(update.out), text: update.message, date: update.date }, o);
  }
  if (update instanceof Api.UpdateNewMessage && update.message instanceof Api.Message) {
    const m = update.message;
    if (!(m.peerId instanceof Api.PeerUser)) {
      const chatId = peerChatId(m.peerId);
      if (!chatId || !o.allowChat?.(chatId)) return [];
      return eventOf({ chatId, messageId: m.id, out: Boolean(m.out), text: textOf(m), date: m.date }, o);
    }
    return eventOf({ chatId: String(m.peerId.userId), messageId: m.id, out: Boolean(m.out), text: textOf(m), date: m.date }, o);
  }
  return []; // UpdateShortSentMessage, edits, deletions, read receipts, typing…
}

function eventOf(m: { chatId: string; messageId: number; out: boolean; text: string; date: number }, o: ClassifyOptions): UpdateEvent[] {
  if (m.chatId === TELEGRAM_SERVICE_USER || (o.isBot?.(m.chatId) && !o.allowChat?.(m.chatId))) return [];
  const base = { chatId: m.chatId, messageId: m.messageId, text: m.text, at: new Date(m.date * 1000) };
  if (!m.out) return [{ kind: 'client', ...base }];
  return o.isOwnSend(m.chatId, m.messageId, m.text) ? [] : [{ kind: 'operator', ...base }];
}

/** A group's or channel's id in the form Telegram's bot API and GramJS use for chats (`-100…` for channels). */
function peerChatId(peer: Api.TypePeer): string | null {
  if (peer instanceof Api.PeerChat) return `-${String(peer.chatId)}`;
  if (peer instanceof Api.PeerChannel) return `-100${String(peer.channelId)}`;
  return null;
}

/** The message's text, or a placeholder saying what was sent instead ("[photo]", "[voice message]"). */
export function textOf(m: Api.Message): string {
  if (m.message) return m.message;
  const media = m.media;
  if (!media) return '[empty message]';
  if (media instanceof Api.MessageMediaPhoto) return '[photo]';
  if (media instanceof Api.MessageMediaDocument) {
    const doc = media.document instanceof Api.Document ? media.document : undefined;
    const attrs = doc?.attributes ?? [];
    if (attrs.some((a) => a instanceof Api.DocumentAttributeSticker)) return '[sticker]';
    if (attrs.some((a) => a instanceof Api.DocumentAttributeAudio && a.voice)) return '[voice message]';
    if (attrs.some((a) => a instanceof Api.DocumentAttributeVideo && a.roundMessage)) return '[video message]';
    if (attrs.some((a) => a instanceof Api.DocumentAttributeVideo)) return '[video]';
    return '[file]';
  }
  if (media instanceof Api.MessageMediaGeo || media instanceof Api.MessageMediaGeoLive || media instanceof Api.MessageMediaVenue) return '[location]';
  if (media instanceof Api.MessageMediaContact) return '[contact]';
  return '[attachment]';
}
