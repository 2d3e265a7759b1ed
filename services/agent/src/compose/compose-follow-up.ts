import { getChat, type ActionsDB } from '@followups/actions';
import { MAX_MESSAGE_LENGTH, type ComposeReply, type ComposeRequest } from '@followups/contracts';
import type { Logger } from '@followups/kit';
import { fitGreeting } from '@followups/manners';
import { isValidTimeZone } from '@followups/when';
import type { Kysely } from 'kysely';
import { describeClaudeFailure } from '../brain/claude/failure.js';
import { followUpText } from '../brain/texts.js';
import { recentHistory } from '../db/history.js';
import type { AgentDB } from '../db/schema.js';
import { chatLanguage } from './chat-language.js';
import type { FollowUpWriter } from './claude-writer.js';

export interface ComposeDeps {
  db: Kysely<AgentDB>;
  /** The shared store: the chat's zone. */
  store: Kysely<ActionsDB>;
  /** Claude, when configured; null: the rule brain's template. */
  writer: FollowUpWriter | null;
  log: Logger;
  /** The team's zone, for a chat with none (or one this runtime does not know). */
  defaultTimeZone: string;
}

/** Messages Claude reads: enough to pick the thread up, few enough to stay quick. */
const HISTORY_FOR_COMPOSE = 20;

/** No client message is being answered: no row of the history is left out. */
const NOT_ANSWERING = -1;

/**
 * Writes a due follow-up from the conversation as it is now: Claude when configured, the rule
 * brain's template (in the chat's language) without it or when Claude fails or runs out of
 * `signal`'s time. Either way the greeting is fitted to the client's local hour at the due time.
 * Throws only when the chat's own rows cannot be read; the dispatcher then sends its fallback.
 */
export async function composeFollowUp(deps: ComposeDeps, request: ComposeRequest, signal: AbortSignal): Promise<ComposeReply> {
  const ids = { chatId: request.chatId, actionId: request.actionId };
  const [chat, language, history] = await Promise.all([
    getChat(deps.store, request.chatId),
    chatLanguage(deps.db, request.chatId, request.fallback),
    deps.writer ? recentHistory(deps.db, request.chatId, HISTORY_FOR_COMPOSE, NOT_ANSWERING) : [],
  ]);
  const timeZone = chat.timeZone && isValidTimeZone(chat.timeZone) ? chat.timeZone : deps.defaultTimeZone;
  const dueAt = new Date(request.dueAt);

  let written: ComposeReply | null = null;
  if (deps.writer) {
    try {
      const text = await deps.writer.write({ chatId: request.chatId, history, dueAt, timeZone, language, reason: request.reason, draft: request.fallback }, signal);
      written = { text, by: 'claude' };
    } catch (e) {
      const reason = signal.aborted ? 'out of time' : describeClaudeFailure(e).reason;
      deps.log.warn({ ...ids, reason }, "Claude could not write the follow-up; the rule brain's template answers");
    }
  }
  const reply: ComposeReply = written ?? { text: followUpText[language], by: 'rule' };
  const fitted = fitGreeting(reply.text, dueAt, timeZone);
  // A greeting a letter longer must not push a text at the limit over it.
  return { ...reply, text: fitted.length <= MAX_MESSAGE_LENGTH ? fitted : reply.text };
}
