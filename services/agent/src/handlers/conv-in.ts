import { getChat, markOptedOut, pendingWhenClientWrote, setChatTimeZone, type ActionsDB } from '@followups/actions';
import type { ConvIn } from '@followups/contracts';
import type { SendingPolicy } from '@followups/manners';
import { ack, readTakeoverState, type Clock, type Outcome } from '@followups/kit';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Brain } from '../brain/brain.js';
import { chooseLanguage, detectLanguage } from '../brain/language.js';
import { touchChat } from '../db/chats.js';
import { finishMessage, recentHistory, storeClientMessage } from '../db/history.js';
import type { AgentDB } from '../db/schema.js';
import { decideMessage } from '../decide/decide-message.js';
import { zoneOfMessage } from '../decide/zone-of-message.js';
import { publishDecision } from '../publish-decision.js';

export interface ConvInDeps {
  db: Kysely<AgentDB>;
  /** The shared store (same database): chat zones, opt-outs, pending actions. */
  store: Kysely<ActionsDB>;
  js: JetStreamClient;
  jsm: JetStreamManager;
  brain: Brain;
  clock: Clock;
  log: Logger;
  defaultTimeZone: string;
  defaultHour: number;
  historyLimit: number;
  /** Send window, holidays and horizon: where a follow-up may land (settings). */
  sending: SendingPolicy;
}

/**
 * `conv.in.<chat>`: remember the message, then — unless a human holds the chat — decide what it
 * leads to and publish that. Safe to run twice for one message: a finished message is skipped,
 * an interrupted one is decided again and its publishes deduplicated by message id.
 */
export async function handleConvIn(deps: ConvInDeps, message: ConvIn): Promise<Outcome> {
  const { db, store, log } = deps;
  const chatId = message.chatId;
  const at = new Date(message.at);
  const ids = { chatId, messageId: message.messageId };

  const { handled } = await storeClientMessage(db, { ...ids, text: message.text, at });
  if (handled) {
    log.debug(ids, 'message already handled');
    return ack;
  }
  const detected = detectLanguage(message.text);
  const [known, chat, takeover] = await Promise.all([touchChat(db, chatId, detected, deps.clock()), getChat(store, chatId), readTakeoverState(deps.jsm, chatId)]);
  if (takeover.underHuman) {
    log.info({ ...ids, operator: takeover.operator }, 'chat is under a human, staying silent');
    await finishMessage(db, { ...ids, reply: null, at: deps.clock(), keep: deps.historyLimit });
    return ack;
  }

  const zone = zoneOfMessage(message.text, chat.timeZone, deps.defaultTimeZone);
  if (chat.timeZone && zone.timeZone !== chat.timeZone && !zone.stated) log.warn({ chatId, timeZone: chat.timeZone }, 'chat has an unknown time zone, using the default');
  const pendingRows = await pendingWhenClientWrote(store, chatId, { messageId: message.messageId, at });
  const language = chooseLanguage(detected, known.language, message.from.languageCode);
  const decision = await decideMessage({
    brain: deps.brain,
    input: {
      chatId,
      history: await recentHistory(db, chatId, deps.historyLimit, message.messageId),
      message: { messageId: message.messageId, text: message.text, at, ...(message.from.name ? { fromName: message.from.name } : {}) },
      timeText: zone.timeText,
      now: deps.clock(),
      timeZone: zone.timeZone,
      teamTimeZone: deps.defaultTimeZone,
      zoneStated: zone.stated !== null,
      pending: pendingRows.map((r) => ({ type: r.type === 'call' ? 'call' : 'follow_up', at: r.due_at, text: String((r.payload as { text?: unknown }).text ?? '') })),
      language,
      sending: deps.sending,
    },
    pendingRows,
    zoneStated: zone.stated,
    optedOutBefore: chat.optedOut !== null,
    defaultHour: deps.defaultHour,
  });

  // Remembered before anything is published: a crash in between decides again and lands here again.
  const learntZone = decision.timeZone ?? zone.stated;
  if (learntZone && learntZone !== chat.timeZone) await setChatTimeZone(store, chatId, learntZone, 'client');
  if (decision.optOut) await markOptedOut(store, chatId, { at, by: 'client', messageId: message.messageId });
  const contact = { ...(message.from.name ? { name: message.from.name } : {}), ...(message.from.username ? { username: message.from.username } : {}) };
  const published = await publishDecision(
    deps.js,
    { ...ids, contextAt: message.at, timeZone: learntZone ?? zone.timeZone, text: message.text, language, ...(Object.keys(contact).length ? { contact } : {}) },
    decision,
  );
  const replies = (decision.replies ?? []).filter((t) => t.trim() !== '');
  await finishMessage(db, { ...ids, reply: replies.length ? replies.join('\n\n') : null, at: deps.clock(), keep: deps.historyLimit });
  log.info(
    {
      ...ids,
      brain: deps.brain.name,
      decidedBy: decision.decidedBy,
      ...published,
      kept: decision.kept,
      attentionReason: decision.attention?.reason,
      cancelAll: Boolean(decision.cancelAll),
      optOut: Boolean(decision.optOut),
      timeZone: learntZone ?? undefined,
    },
    'message handled',
  );
  return ack;
}
