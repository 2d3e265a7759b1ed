import type { ConvIn } from '@followups/contracts';
import { ack, readTakeoverState, type Clock, type Outcome } from '@followups/kit';
import { isValidTimeZone } from '@followups/when';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Brain } from '../brain/brain.js';
import { readContactRequest } from '../brain/contact-request.js';
import { chooseLanguage, detectLanguage } from '../brain/language.js';
import { setOptedOut, touchChat } from '../db/chats.js';
import { finishMessage, recentHistory, storeClientMessage } from '../db/history.js';
import type { AgentDB } from '../db/schema.js';
import { publishDecision } from '../publish-decision.js';

export interface ConvInDeps {
  db: Kysely<AgentDB>;
  js: JetStreamClient;
  jsm: JetStreamManager;
  brain: Brain;
  clock: Clock;
  log: Logger;
  defaultTimeZone: string;
  historyLimit: number;
}

/**
 * `conv.in.<chat>`: remember the message, then — unless a human holds the chat — let the brain
 * decide and publish what it decided. Safe to run twice for one message: a finished message is
 * skipped, an interrupted one is decided again and its publishes deduplicated by message id.
 */
export async function handleConvIn(deps: ConvInDeps, message: ConvIn): Promise<Outcome> {
  const { db, log } = deps;
  const chatId = message.chatId;
  const at = new Date(message.at);
  const ids = { chatId, messageId: message.messageId };

  const { handled } = await storeClientMessage(db, { ...ids, text: message.text, at });
  if (handled) {
    log.debug(ids, 'message already handled');
    return ack;
  }
  const detected = detectLanguage(message.text);
  const chat = await touchChat(db, chatId, detected, deps.clock());

  const takeover = await readTakeoverState(deps.jsm, chatId);
  if (takeover.underHuman) {
    log.info({ ...ids, operator: takeover.operator }, 'chat is under a human, staying silent');
    await finishMessage(db, { ...ids, reply: null, at: deps.clock(), keep: deps.historyLimit });
    return ack;
  }

  // Asking to be contacted again lifts an opt-out. Decided by the deterministic reader, not by a
  // model, so no brain can talk itself into writing to a client who said no.
  let optedOut = chat.optedOutAt !== null;
  if (optedOut && readContactRequest(message.text).asked) {
    await setOptedOut(db, chatId, null);
    optedOut = false;
    log.info(ids, 'client asked to be contacted again, opt-out lifted');
  }

  const timeZone = chat.timeZone && isValidTimeZone(chat.timeZone) ? chat.timeZone : deps.defaultTimeZone;
  if (chat.timeZone && timeZone !== chat.timeZone) log.warn({ chatId, timeZone: chat.timeZone }, 'chat has an unknown time zone, using the default');
  const decision = await deps.brain.decide({
    chatId,
    history: await recentHistory(db, chatId, deps.historyLimit, message.messageId),
    message: { messageId: message.messageId, text: message.text, at, ...(message.from.name ? { fromName: message.from.name } : {}) },
    now: deps.clock(),
    timeZone,
    language: chooseLanguage(detected, chat.language, message.from.languageCode),
    optedOut,
  });

  // Remembered before anything is published: a crash in between decides again and lands here again.
  if (decision.optOut) await setOptedOut(db, chatId, at);
  const published = await publishDecision(deps.js, { ...ids, contextAt: message.at, timeZone }, decision);
  const replies = (decision.replies ?? []).filter((t) => t.trim() !== '');
  await finishMessage(db, { ...ids, reply: replies.length ? replies.join('\n\n') : null, at: deps.clock(), keep: deps.historyLimit });
  log.info({ ...ids, brain: deps.brain.name, ...published, cancelAll: Boolean(decision.cancelAll), optOut: Boolean(decision.optOut) }, 'message handled');
  return ack;
}
