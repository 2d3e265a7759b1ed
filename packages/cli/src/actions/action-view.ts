import type { ActionRow } from '@followups/actions';
import type { ActionStatus } from '@followups/contracts';
import { formatLocalMinute } from '../output.js';

/** What `schedule list --json` (and `chat show --json`) give for one action. */
export interface ActionView {
  id: string;
  chatId: string;
  type: ActionRow['type'];
  /** ISO, UTC. */
  dueAt: string;
  /** `YYYY-MM-DD HH:mm` in `timeZone`. */
  localDue: string;
  timeZone: string;
  status: ActionStatus;
  /** Why it ended (cancelled, expired, failed); null while it is live or once sent. */
  reason: string | null;
  /** The follow-up's or reminder's text, or the call's note; null for a custom action. */
  text: string | null;
}

/** The statuses an action ends in without being sent: the only ones with a reason worth showing. */
const ENDED_UNSENT: ReadonlySet<ActionStatus> = new Set(['cancelled', 'expired', 'failed']);

/** Why an action ended, or null: a live or sent action's scheduling reason is not an outcome. */
export function endReason(row: ActionRow): string | null {
  return ENDED_UNSENT.has(row.status) ? (row.cancel_reason ?? row.last_error ?? null) : null;
}

/** The words the action carries: `text` for a follow-up or reminder, `note` for a call. */
export function actionText(row: ActionRow): string | null {
  const payload = row.payload as { text?: unknown; note?: unknown };
  const text = row.type === 'call' ? payload.note : payload.text;
  return typeof text === 'string' ? text : null;
}

export function toActionView(row: ActionRow, timeZone: string): ActionView {
  return {
    id: row.id,
    chatId: String(row.chat_id),
    type: row.type,
    dueAt: row.due_at.toISOString(),
    localDue: formatLocalMinute(row.due_at, timeZone),
    timeZone,
    status: row.status,
    reason: endReason(row),
    text: actionText(row),
  };
}
