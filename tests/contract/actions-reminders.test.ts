import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAction, insertActions, type ActionRow } from '@followups/actions';
import { subjects, type ConvIn, type SandboxDelivered } from '@followups/contracts';
import { publishJson } from '@followups/kit';
import { collect, waitFor, type Collected } from '@followups/kit/testing';
import { addDays, localParts, zonedTimeToInstant } from '@followups/when';
import { startInProcess, type InProcess } from '../support/in-process.js';

const HOUR = 3_600_000;

/** Meeting reminders: booked by meeting.booked, kept on a client reply, cancelled by meeting.cancelled or a move. */
describe('reminders before a booked meeting', () => {
  let stack: InProcess;
  let delivered: Collected<SandboxDelivered>;
  let n = 0;
  const chat = () => String(70_000 + ++n);
  const reminders = (chatId: string) => stack.db.selectFrom('scheduled_actions').selectAll().where('chat_id', '=', chatId).where('type', '=', 'reminder').orderBy('due_at').execute();
  const live = async (chatId: string) => (await reminders(chatId)).filter((r) => r.status === 'pending');

  beforeAll(async () => {
    stack = await startInProcess('actions_reminders', { REMINDER_OFFSETS: '24h,1h' });
    delivered = collect<SandboxDelivered>(stack.bed.nc, 'sandbox.delivered.>');
  }, 60_000);
  afterAll(async () => {
    delivered?.stop();
    await stack?.stop();
  });

  it('stores 24 h and 1 h reminders in the client\'s zone and language; a client reply keeps them; meeting.cancelled cancels them', async () => {
    const chatId = chat();
    const at = new Date(Date.now() + 30 * HOUR);
    await publishJson(stack.bed.js, subjects.meetingBooked(chatId), { meetingId: 'demo-1', at: at.toISOString(), timeZone: 'Europe/Moscow', title: 'Демонстрация виллы', by: 'agent' });
    const stored = await waitFor('two reminders', async () => ((await live(chatId)).length === 2 ? live(chatId) : undefined));
    expect(stored.map((r) => at.getTime() - r.due_at.getTime())).toEqual([24 * HOUR, HOUR]);
    expect(stored.map((r) => (r.payload as { text: string }).text)).toEqual([
      expect.stringMatching(/^Напоминаю о нашей встрече «Демонстрация виллы» (завтра|сегодня) в \d{1,2}:\d\d\.$/),
      expect.stringMatching(/^Напоминаю о нашей встрече «Демонстрация виллы» сегодня в \d{1,2}:\d\d\.$/),
    ]);
    expect(stored.some((r) => r.cancel_on.includes('client_reply'))).toBe(false);

    const reply: ConvIn = { chatId, messageId: 5, text: 'Отлично, до встречи!', at: new Date().toISOString(), from: { id: chatId } };
    await publishJson(stack.bed.js, subjects.convIn(chatId), reply);
    // The reply is applied (a follow-up of the same chat would be cancelled by it); the reminders stay.
    const [followUp] = await insertActions(stack.db, [{ chatId, type: 'follow_up', payload: { text: 'x' }, dueAt: new Date(Date.now() + HOUR), cancelOn: ['client_reply'], reason: '', idempotencyKey: 'f1', source: 'api', contextAt: new Date(Date.now() - 60_000) }]);
    await publishJson(stack.bed.js, subjects.convIn(chatId), { ...reply, messageId: 6, at: new Date().toISOString() });
    await waitFor('the follow-up cancelled by the reply', async () => ((await getAction(stack.db, followUp!.id))?.status === 'cancelled' ? true : undefined));
    expect(await live(chatId)).toHaveLength(2);

    await publishJson(stack.bed.js, subjects.meetingCancelled(chatId), { meetingId: 'demo-1', reason: 'client_cancelled', by: 'operator:anna' });
    const ended = await waitFor('both cancelled', async () => {
      const rows = await reminders(chatId);
      return rows.every((r) => r.status === 'cancelled') ? rows : undefined;
    });
    expect(ended.map((r) => r.cancel_reason)).toEqual(['client_cancelled', 'client_cancelled']);
  });

  it('moving the meeting replaces its reminders; the same booking delivered twice stores nothing more; a passed offset is skipped', async () => {
    const chatId = chat();
    const first = new Date(Date.now() + 48 * HOUR);
    const booking = { meetingId: 'call-7', at: first.toISOString(), timeZone: 'Asia/Makassar', language: 'en' as const };
    await publishJson(stack.bed.js, subjects.meetingBooked(chatId), booking);
    await publishJson(stack.bed.js, subjects.meetingBooked(chatId), booking);
    await waitFor('two reminders', async () => ((await live(chatId)).length === 2 ? true : undefined));

    const moved = new Date(Date.now() + 5 * HOUR); // 24 h before has passed: only the 1 h reminder
    await publishJson(stack.bed.js, subjects.meetingBooked(chatId), { ...booking, at: moved.toISOString() });
    const now = await waitFor('moved', async () => {
      const rows = await reminders(chatId);
      const pending = rows.filter((r) => r.status === 'pending');
      return pending.length === 1 && pending[0]!.due_at.getTime() === moved.getTime() - HOUR ? rows : undefined;
    });
    expect(now.filter((r) => r.status === 'cancelled').map((r) => r.cancel_reason)).toEqual(['meeting_rescheduled', 'meeting_rescheduled']);
    expect((now.find((r) => r.status === 'pending')!.payload as { text: string }).text).toMatch(/^A reminder of our meeting today at \d{1,2}:\d\d\.$/);
  });

  it('never sends a reminder whose meeting has begun: it ends expired', async () => {
    const chatId = chat();
    const meetingAt = new Date(Date.now() - 60_000);
    const [row] = await insertActions(stack.db, [
      { chatId, type: 'reminder', payload: { text: 'Напоминаю о встрече', meetingAt: meetingAt.toISOString(), meetingId: 'late' }, dueAt: new Date(Date.now() - 30_000), cancelOn: ['takeover'], reason: '', idempotencyKey: 'late-1', source: 'api', meetingId: 'late' },
    ]);
    const ended = await waitFor('expired', async (): Promise<ActionRow | undefined> => {
      const r = await getAction(stack.db, row!.id);
      return r?.status === 'expired' ? r : undefined;
    });
    expect(ended.cancel_reason).toBe('too_late');
    expect(delivered.messages.filter((m) => m.data.chatId === chatId)).toEqual([]);
  });
});

describe('reminders and the send window', () => {
  let stack: InProcess;
  beforeAll(async () => {
    stack = await startInProcess('reminders_window', { REMINDER_OFFSETS: '24h,1h', SEND_WINDOW_FROM: '09:00', SEND_WINDOW_TO: '21:00' });
  }, 60_000);
  afterAll(async () => stack?.stop());

  /** A meeting two days from now at `hour:minute` in Moscow. */
  const meetingAt = (hour: number, minute: number) => {
    const day = addDays(localParts(new Date(), 'Europe/Moscow'), 2);
    return zonedTimeToInstant({ year: day.year, month: day.month, day: day.day }, { hour, minute }, 'Europe/Moscow');
  };
  const remindersOf = async (chatId: string, n: number) =>
    waitFor(`${n} reminders`, async () => {
      const rows = await stack.db.selectFrom('scheduled_actions').selectAll().where('chat_id', '=', chatId).where('status', '=', 'pending').orderBy('due_at').execute();
      return rows.length === n ? rows : undefined;
    });

  it('moves a reminder outside the window to the opening when that is still before the meeting, else keeps it early', async () => {
    const at = meetingAt(9, 30);
    await publishJson(stack.bed.js, subjects.meetingBooked('75001'), { meetingId: 'm', at: at.toISOString(), timeZone: 'Europe/Moscow' });
    const [day, hour] = await remindersOf('75001', 2);
    expect(at.getTime() - day!.due_at.getTime()).toBe(24 * HOUR); // 09:30 the day before: inside the window
    expect(localParts(hour!.due_at, 'Europe/Moscow')).toMatchObject({ hour: 9, minute: 0 }); // 08:30 → the 09:00 opening

    const early = meetingAt(8, 0);
    await publishJson(stack.bed.js, subjects.meetingBooked('75002'), { meetingId: 'm', at: early.toISOString(), timeZone: 'Europe/Moscow' });
    const [, beforeOpening] = await remindersOf('75002', 2);
    expect(localParts(beforeOpening!.due_at, 'Europe/Moscow')).toMatchObject({ hour: 7, minute: 0 }); // 09:00 would be after the meeting
  });
});
