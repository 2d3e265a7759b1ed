import type { ActionRow } from '@followups/actions';
import { readLastClientMessage, readTakeoverState } from '@followups/kit';
import type { DispatchDeps } from './deps.js';

/** Why an action the dispatcher holds must end without being sent. */
export interface Refusal {
  status: 'cancelled' | 'expired';
  reason: 'too_late' | 'human_takeover' | 'client_replied';
}

/**
 * Re-validates an action right before it is sent, in this order: too late, a human holds the
 * chat, the client wrote after the action was created. Reads the OPS and CONV streams
 * themselves, not a cache, so an event the scheduler has not processed yet still counts.
 * `null`: send it.
 */
export async function refusalOf(deps: Pick<DispatchDeps, 'jsm' | 'clock' | 'config'>, row: ActionRow): Promise<Refusal | null> {
  if (deps.clock().getTime() - row.due_at.getTime() > deps.config.MAX_LATENESS_MS) return { status: 'expired', reason: 'too_late' };

  // The two stream reads are independent; ask both at once.
  const [takeover, lastClient] = await Promise.all([readTakeoverState(deps.jsm, row.chat_id), readLastClientMessage(deps.jsm, row.chat_id)]);

  // A human holding the chat ends the action whether or not its policy names `takeover`. The
  // policy says what a takeover *cancels ahead of time*; at the moment of sending, the bot
  // speaking into a conversation a person is conducting is never right (the design: "no human
  // has taken over"). Holding the action until release instead would fire it at an arbitrary
  // later moment with stale context; the operator can schedule it again if it still matters.
  if (takeover.underHuman) return { status: 'cancelled', reason: 'human_takeover' };

  if (lastClient && lastClient.at > row.context_at && row.cancel_on.includes('client_reply')) {
    return { status: 'cancelled', reason: 'client_replied' };
  }
  return null;
}
