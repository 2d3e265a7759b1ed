import { getChat, type ActionRow } from '@followups/actions';
import { MAX_MESSAGE_LENGTH, type ComposeReply, type ComposeRequest } from '@followups/contracts';
import { fitGreeting, opensWithGreeting } from '@followups/manners';
import type { Logger } from 'pino';
import type { DispatchDeps } from '../handlers/deps.js';
import { askAgent } from './ask-agent.js';

/** A follow-up's payload (contracts' followUpActionSchema). */
export interface FollowUpPayload {
  text: string;
  compose?: boolean | undefined;
}

export interface FollowUpText {
  text: string;
  /** Who wrote it: the agent (`claude`, `rule`), or the text fixed when it was scheduled. */
  by: ComposeReply['by'] | 'fixed';
}

/**
 * The text of a due follow-up. With `compose: true` the agent writes it now from the fresh
 * conversation; when it does not answer within the settings' `compose.timeout` (or answers
 * nonsense), the text fixed at scheduling goes instead — logged at warn, never silence, and
 * never a second message, since whatever the text, the send carries the action's random id.
 * Either way its greeting is fitted to the client's clock now: "Добрый день!" written at noon
 * for 21:00 goes out as "Добрый вечер!". Throws only when the chat's zone cannot be read (the
 * database): a transient failure, and the attempt is retried.
 */
export async function composeFollowUp(deps: Pick<DispatchDeps, 'nc' | 'db' | 'clock' | 'config'>, row: ActionRow, payload: FollowUpPayload, log: Logger): Promise<FollowUpText> {
  // The common case costs nothing: a fixed text that greets no part of the day goes as it is
  // (a burst of ten thousand must not read ten thousand chat rows).
  if (!payload.compose && !opensWithGreeting(payload.text)) return { text: payload.text, by: 'fixed' };
  const request: ComposeRequest = { actionId: row.id, chatId: row.chat_id, dueAt: row.due_at.toISOString(), fallback: payload.text, reason: row.reason.slice(0, 500) };
  const answer = payload.compose ? await askAgent(deps.nc, request, deps.config.settings.compose.timeout) : null;
  let chosen: FollowUpText = { text: payload.text, by: 'fixed' };
  if (answer?.ok) chosen = answer.reply;
  else if (answer) log.warn({ reason: answer.reason }, 'follow-up not composed, sending the text fixed when it was scheduled');
  if (!opensWithGreeting(chosen.text)) return chosen;
  const fitted = fitGreeting(chosen.text, deps.clock(), await chatZone(deps, row));
  // A greeting a letter longer must not push a text at Telegram's limit over it.
  return { ...chosen, text: fitted.length <= MAX_MESSAGE_LENGTH ? fitted : chosen.text };
}

/** The chat's own zone (an operator's or the client's), else the one stored with the action, else the team's. */
async function chatZone(deps: Pick<DispatchDeps, 'db' | 'config'>, row: ActionRow): Promise<string> {
  const chat = await getChat(deps.db, row.chat_id);
  return chat.timeZone ?? row.time_zone ?? deps.config.settings.timeZone;
}
