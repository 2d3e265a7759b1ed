import { cancelMeetingReminders, insertActions, type NewAction } from '@followups/actions';
import { defaultCancelOn } from '@followups/contracts';
import { parseDuration } from '@followups/settings';
import { reminderText } from '../meetings/reminder-text.js';
import type { DeliveryOf } from '../batch/route-by-family.js';
import type { HandlerDeps } from './deps.js';

/**
 * `meeting.booked.<chat>`: reminders before the meeting (the booking's `remindBefore`, else the
 * settings' `reminders.before`), each a `reminder` action the client's replies do not cancel. A
 * reminder whose time has passed is not stored; one at or after the meeting makes no sense. The
 * meeting booked again (moved) cancels its earlier reminders; the same booking delivered twice
 * stores nothing new (the keys name meeting, time and offset).
 */
export async function handleMeetingBooked(deps: HandlerDeps, d: DeliveryOf<'meeting.booked'>): Promise<void> {
  const { db, log } = deps;
  const booking = d.payload;
  const at = new Date(booking.at);
  const now = deps.clock().getTime();
  const offsets = booking.remindBefore ? booking.remindBefore.map((o) => parseDuration(o)!) : deps.reminderOffsetsMs;
  const reminders: NewAction[] = [...new Set(offsets)]
    .map((offset) => ({ offset, dueAt: inWindowBefore(deps, new Date(at.getTime() - offset), at, booking.timeZone) }))
    .filter(({ offset, dueAt }) => offset > 0 && dueAt.getTime() > now)
    .map(({ offset, dueAt }) => ({
      chatId: d.chatId,
      type: 'reminder',
      payload: { text: reminderText({ title: booking.title, at }, dueAt, booking.timeZone, booking.language ?? 'ru'), meetingAt: at.toISOString(), meetingId: booking.meetingId },
      dueAt,
      cancelOn: defaultCancelOn.reminder,
      reason: `meeting ${booking.meetingId}${booking.title ? ` (${booking.title})` : ''} at ${at.toISOString()}`.slice(0, 500),
      idempotencyKey: `meeting:${booking.meetingId}:${at.toISOString()}:${offset}`,
      source: booking.by === 'agent' ? 'agent' : 'api',
      createdBy: booking.by,
      timeZone: booking.timeZone,
      meetingId: booking.meetingId,
    }));

  const { moved, stored } = await db.transaction().execute(async (trx) => {
    const moved = await cancelMeetingReminders(trx, booking.by ?? deps.actor, d.chatId, booking.meetingId, 'meeting_rescheduled', reminders.map((r) => r.idempotencyKey));
    const stored = await insertActions(trx, reminders);
    return { moved, stored };
  });
  log.info({ chatId: d.chatId, meetingId: booking.meetingId, meetingAt: at.toISOString(), reminders: stored.length, earlierCancelled: moved.length }, 'meeting booked');
}

/**
 * A reminder is a bot message: outside the client's send window it moves to the next opening —
 * unless that is not before the meeting (a 1 h reminder of a 09:30 meeting is due at 08:30): a
 * reminder a little early in the morning beats none.
 */
function inWindowBefore(deps: HandlerDeps, dueAt: Date, meetingAt: Date, zone: string): Date {
  const placed = deps.sending.place(dueAt, zone, false).at;
  return placed.getTime() < meetingAt.getTime() ? placed : dueAt;
}

/** `meeting.cancelled.<chat>`: the meeting's live reminders are cancelled. */
export async function handleMeetingCancelled(deps: HandlerDeps, d: DeliveryOf<'meeting.cancelled'>): Promise<void> {
  const cancelled = await cancelMeetingReminders(deps.db, d.payload.by ?? 'operator', d.chatId, d.payload.meetingId, d.payload.reason);
  deps.log.info({ chatId: d.chatId, meetingId: d.payload.meetingId, cancelled: cancelled.length }, 'meeting cancelled');
}
