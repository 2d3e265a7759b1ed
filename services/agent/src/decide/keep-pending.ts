import type { ActionRow } from '@followups/actions';
import { resolveWhen } from '@followups/when';
import type { Decision, ScheduleRequest } from '../brain/brain.js';

/**
 * A client message cancels the chat's pending follow-ups (the scheduler's rule), yet "ок,
 * спасибо" after "Хорошо, напишу вам в пятницу" does not call the promise off, and neither does
 * "я в Москве". When the brain changed nothing, such a message keeps what was pending: the same
 * follow-up is scheduled again in view of this message. Told the client's zone, a follow-up set
 * from their words in another zone is read again in theirs ("завтра в 10" → 10:00 their time).
 */
export function keptFollowUps(
  pending: readonly ActionRow[],
  decision: Decision,
  why: { acknowledgement: boolean; zoneStated: string | null },
  reading: { at: Date; defaultHour: number },
): ScheduleRequest[] {
  if (!why.acknowledgement && !why.zoneStated) return [];
  if (decision.schedule?.length || decision.cancelAll || decision.cancelEarlier || decision.optOut || decision.attention) return [];
  return pending.flatMap((row): ScheduleRequest[] => {
    const text = (row.payload as { text?: unknown }).text;
    if (row.type !== 'follow_up' || typeof text !== 'string') return [];
    const at = why.zoneStated && row.time_zone !== why.zoneStated ? rezoned(row, why.zoneStated, reading) : row.due_at;
    return [{ type: 'follow_up', at, text, reason: row.reason }];
  });
}

/** The row's reason holds the client's words: read them again in the new zone, from when they were written. */
function rezoned(row: ActionRow, timeZone: string, reading: { at: Date; defaultHour: number }): Date {
  const words = /\(client: "(.*)"\)$/s.exec(row.reason)?.[1] ?? row.reason;
  const at = resolveWhen(words, row.context_at, timeZone, { defaultHour: reading.defaultHour });
  return at && at.getTime() > reading.at.getTime() ? at : row.due_at;
}
