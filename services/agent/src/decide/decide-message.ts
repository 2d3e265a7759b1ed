import type { ActionRow } from '@followups/actions';
import type { Brain, BrainInput, Decision } from '../brain/brain.js';
import { describeForOperators } from '../brain/describe-for-operators.js';
import { confirmationText, goodbyeText } from '../brain/texts.js';
import { readContactRequest } from '../reading/contact-request.js';
import { isAcknowledgement } from '../reading/message-kinds.js';
import { isOptOut } from '../reading/opt-out.js';
import { keptFollowUps } from './keep-pending.js';

export interface MessageToDecide {
  brain: Brain;
  input: BrainInput;
  /** The follow-ups waiting when the client wrote (rows), to keep when the message changes nothing. */
  pendingRows: readonly ActionRow[];
  /** The zone this message named, if it named one. */
  zoneStated: string | null;
  /** The chat was do-not-contact before this message (with the id of the message that made it so). */
  optedOutBefore: boolean;
  defaultHour: number;
}

export interface DecisionWithCause extends Decision {
  /** What decided: the opt-out reader, the do-not-contact mark, or the brain. */
  decidedBy: 'opt_out_reader' | 'do_not_contact' | 'brain';
  /** Follow-ups scheduled again because the message did not call them off. */
  kept: number;
}

/**
 * Decides what a client message leads to, so that it always leads somewhere. An opt-out is read
 * first and by rule, so no brain can talk itself past a client who said no; a chat already
 * do-not-contact is handed to a human (only an operator lifts the mark). Otherwise the brain
 * decides; an acknowledgement keeps what was pending; and a decision that would leave nothing a
 * client or a human sees becomes a hand-off (`no_answer`).
 */
export async function decideMessage(m: MessageToDecide): Promise<DecisionWithCause> {
  const { input } = m;
  const text = input.message.text;
  if (isOptOut(text, input.message.at, input.timeZone)) {
    // A second "stop" changes nothing and opens no window for a second goodbye.
    if (m.optedOutBefore) return { decidedBy: 'opt_out_reader', kept: 0, cancelAll: { reason: 'client_opted_out' } };
    return { decidedBy: 'opt_out_reader', kept: 0, optOut: true, cancelAll: { reason: 'client_opted_out' }, replies: [goodbyeText[input.language]] };
  }
  if (m.optedOutBefore) {
    const asks = readContactRequest(text).asked;
    const suggested = `the client opted out earlier and wrote again${asks ? ', asking to be contacted' : ''}: answer yourself, or clear the mark with \`followups optout clear ${input.chatId}\``;
    return { decidedBy: 'do_not_contact', kept: 0, attention: { reason: 'opted_out_client_wrote', suggested } };
  }

  const decision = await m.brain.decide(input);
  const kept = keptFollowUps(m.pendingRows, decision, { acknowledgement: isAcknowledgement(text), zoneStated: m.zoneStated }, { at: input.message.at, defaultHour: m.defaultHour });
  const result: DecisionWithCause = { ...decision, decidedBy: 'brain', kept: kept.length };
  if (kept.length) {
    result.schedule = kept;
    // Told their zone, the client hears the kept time in it.
    if (m.zoneStated) result.replies = [confirmationText(kept[0]!.at, input.message.at, { timeZone: m.zoneStated, teamTimeZone: input.teamTimeZone }, input.language)];
  }
  if (!hasVisibleOutcome(result)) {
    const pending = input.pending[0];
    result.attention = { reason: 'no_answer', ...(pending ? { suggested: `a follow-up was pending for ${describeForOperators(pending.at, input.timeZone)}; this message cancelled it` } : {}) };
  }
  return result;
}

function hasVisibleOutcome(d: Decision): boolean {
  return Boolean(d.replies?.some((r) => r.trim() !== '') || d.schedule?.length || d.attention || d.optOut);
}
