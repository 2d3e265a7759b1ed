import { randomUUID } from 'node:crypto';
import { meetingBookedSchema, subjects, type MeetingBooked } from '@followups/contracts';
import { publishJson } from '@followups/kit';
import { chatZone } from '../chats/chat-zones.js';
import { UsageError, exitCodes } from '../errors.js';
import { formatLocal, formatTable } from '../output.js';
import { pollFor } from '../poll.js';
import { futureDue } from '../resolve-due.js';
import { parseChatId, parseTimeZone } from '../validate.js';
import type { Run } from './catalog.js';

export const run: Run<'meetingBook'> = async ({ positionals, options }, ctx) => {
  const [chat, ...whenWords] = positionals;
  const chatId = parseChatId(chat);
  if (whenWords.length === 0) throw new UsageError('missing <when>: the meeting time, e.g. "2026-12-03 15:00" or "завтра в 15"');
  const zone = options.tz ? parseTimeZone(options.tz) : await chatZone(ctx, chatId);
  const at = futureDue(whenWords.join(' '), ctx.io.clock(), zone, ctx.config.settings.limits.maxDaysAhead);
  const booking: MeetingBooked = {
    meetingId: options.id ?? `m-${randomUUID().slice(0, 8)}`,
    at: at.toISOString(),
    timeZone: zone,
    ...(options.title ? { title: options.title } : {}),
    ...(options.remind ? { remindBefore: options.remind.split(',').map((s) => s.trim()) } : {}),
    ...(options.lang ? { language: options.lang as 'ru' | 'en' } : {}),
    by: ctx.actor,
  };
  const checked = meetingBookedSchema.safeParse(booking);
  if (!checked.success) throw new UsageError(checked.error.issues.map((i) => `--${i.path[0] === 'remindBefore' ? 'remind' : i.path[0] === 'language' ? 'lang' : String(i.path[0])}: ${i.message}`).join('; '));
  const { js } = await ctx.nats(['schedule']);
  await publishJson(js, subjects.meetingBooked(chatId), checked.data);

  ctx.print(`meeting    ${booking.meetingId} with chat ${chatId}, ${formatLocal(at, zone)} (${zone})`);
  const db = await ctx.db();
  const reminders = await pollFor(async () => {
    const rows = await db.selectFrom('scheduled_actions').selectAll().where('chat_id', '=', chatId).where('meeting_id', '=', booking.meetingId).where('status', '=', 'pending').orderBy('due_at').execute();
    return rows.length > 0 ? rows : undefined;
  }, ctx.config.CLI_WAIT_MS);
  if (!reminders) {
    ctx.print(`no reminder stored within ${ctx.config.CLI_WAIT_MS} ms: every offset may have passed already, or the scheduler has not applied the booking yet (it is kept in the SCHEDULE stream)`);
    return exitCodes.ok;
  }
  ctx.print(`reminders:\n${formatTable(['ID', 'AT'], reminders.map((r) => [r.id, formatLocal(r.due_at, zone)]))}`);
  return exitCodes.ok;
};
