import { getChat, type ActionRow } from '@followups/actions';
import { actionAudience } from '@followups/contracts';
import { readLastClientMessage, readTakeoverState } from '@followups/kit';
import type { DispatchDeps } from './deps.js';

/** Why an action the dispatcher holds must end without being sent. */
export interface Refusal {
  status: 'cancelled' | 'expired';
  reason: 'too_late' | 'opted_out' | 'human_takeover' | 'client_replied';
}

/**
 * Re-validates an action right before it is sent, in this order: too late, the client opted
 * out, a human holds the chat, the client wrote after the action was created. Reads the OPS and
 * CONV streams and the chat's row themselves, not a cache, so an event the scheduler has not
 * processed yet still counts. An action for the team (a call) is refused only when too late or
 * after an opt-out: a takeover or a reply does not make the client's call request moot.
 * `null`: send it.
 */
export async function refusalOf(deps: Pick<DispatchDeps, 'db' | 'jsm' | 'clock' | 'config' | 'transport'>, row: ActionRow): Promise<Refusal | null> {
  // Too late needs no reads.
  if (tooLate(deps, row)) return { status: 'expired', reason: 'too_late' };

  // The reads are independent; ask them all at once.
  const [chat, takeover, lastClient, storedByTransport] = await Promise.all([
    getChat(deps.db, row.chat_id),
    readTakeoverState(deps.jsm, row.chat_id),
    readLastClientMessage(deps.jsm, row.chat_id),
    deps.transport.lastClientMessageAt?.(row.chat_id) ?? Promise.resolve(null),
  ]);
  // The client wrote after the action was planned: seen in CONV, or stored by the transport and not relayed yet.
  const wrote = [lastClient?.at, storedByTransport].filter((t): t is Date => t != null);
  return refusalGiven(deps, row, { optedOut: chat.optedOut !== null, underHuman: takeover.underHuman, clientWroteSince: wrote.some((t) => t > row.context_at) });
}

/** What decides whether an action may still be sent, however it was read. */
export interface ChatFacts {
  optedOut: boolean;
  underHuman: boolean;
  /** The client wrote after the action was planned (its `context_at`). */
  clientWroteSince: boolean;
}

/** The refusal, in the order above, from facts read one action at a time or a batch at once. */
export function refusalGiven(deps: Pick<DispatchDeps, 'clock' | 'config'>, row: ActionRow, facts: ChatFacts): Refusal | null {
  if (tooLate(deps, row)) return { status: 'expired', reason: 'too_late' };
  // Do-not-contact outranks everything: a client who said stop is not called or written to.
  if (facts.optedOut) return { status: 'cancelled', reason: 'opted_out' };
  if (actionAudience[row.type] === 'team') return null;

  // A human holding the chat ends the action whether or not its policy names `takeover`. The
  // policy says what a takeover *cancels ahead of time*; at the moment of sending, the bot
  // speaking into a conversation a person is conducting is never right (the design: "no human
  // has taken over"). Holding the action until release instead would fire it at an arbitrary
  // later moment with stale context; the operator can schedule it again if it still matters.
  if (facts.underHuman) return { status: 'cancelled', reason: 'human_takeover' };

  if (facts.clientWroteSince && row.cancel_on.includes('client_reply')) return { status: 'cancelled', reason: 'client_replied' };
  return null;
}

/**
 * After downtime an action may be due long ago: past its type's staleness (settings `staleness`:
 * a follow-up 12 h) it would do harm rather than good. A reminder also never outlives its meeting.
 */
function tooLate(deps: Pick<DispatchDeps, 'clock' | 'config'>, row: ActionRow): boolean {
  const now = deps.clock().getTime();
  const meetingAt = row.type === 'reminder' ? (row.payload as { meetingAt?: unknown }).meetingAt : undefined;
  if (typeof meetingAt === 'string' && now >= Date.parse(meetingAt)) return true;
  return now - row.due_at.getTime() > deps.config.settings.staleness[row.type];
}
