import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { insertActions, type ActionRow, type ActionsDB, type NewAction } from '@followups/actions';
import { describeError } from '@followups/kit';
import { nextOccurrence } from '@followups/when';

/**
 * For each recurring action just claimed, stores the series' next occurrence: the pattern's first
 * time after both the claimed one's due time and now, so a series coming back from downtime skips
 * what it missed instead of replaying it in a burst. Run in the claim's transaction: the claim and
 * the next occurrence commit together, and the key `series:<series>:<due>` stores it once however
 * many schedulers (or `schedule run-due`s) race. A pattern that no longer resolves ends its series,
 * logged.
 */
export async function storeNextOccurrences(db: Kysely<ActionsDB>, claimed: readonly ActionRow[], log: Logger): Promise<number> {
  const next: NewAction[] = [];
  for (const row of claimed) {
    if (!row.recurrence || !row.series_id) continue;
    const after = new Date(Math.max(row.due_at.getTime(), row.claimed_at?.getTime() ?? 0));
    let dueAt: Date | null;
    try {
      dueAt = nextOccurrence(row.recurrence.pattern, row.recurrence.timeZone, after);
    } catch (e) {
      log.error({ actionId: row.id, seriesId: row.series_id, pattern: row.recurrence.pattern, reason: describeError(e) }, 'recurrence pattern no longer resolves: the series ends here');
      continue;
    }
    if (!dueAt) continue;
    next.push({
      chatId: String(row.chat_id),
      type: row.type,
      payload: row.payload,
      dueAt,
      cancelOn: row.cancel_on,
      reason: row.reason,
      idempotencyKey: `series:${row.series_id}:${dueAt.toISOString()}`,
      source: row.source,
      createdBy: row.created_by ?? undefined,
      timeZone: row.time_zone ?? undefined,
      contextAt: row.context_at,
      recurrence: row.recurrence,
      seriesId: row.series_id,
      meetingId: row.meeting_id ?? undefined,
    });
  }
  return (await insertActions(db, next)).length;
}
