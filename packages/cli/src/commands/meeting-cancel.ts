import { meetingCancelledSchema, subjects } from '@followups/contracts';
import { publishJson } from '@followups/kit';
import { UsageError, exitCodes } from '../errors.js';
import { pollFor } from '../poll.js';
import { parseChatId } from '../validate.js';
import type { Run } from './catalog.js';

export const run: Run<'meetingCancel'> = async ({ positionals, options }, ctx) => {
  const [chat, meetingId, extra] = positionals;
  const chatId = parseChatId(chat);
  if (!meetingId) throw new UsageError('missing <meeting-id>: the id "meeting book" printed');
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  const checked = meetingCancelledSchema.safeParse({ meetingId, ...(options.reason ? { reason: options.reason } : {}), by: ctx.actor });
  if (!checked.success) throw new UsageError(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const db = await ctx.db();
  const live = () => db.selectFrom('scheduled_actions').select('id').where('chat_id', '=', chatId).where('meeting_id', '=', meetingId).where('status', 'in', ['pending', 'claimed']).execute();
  const before = await live();
  const { js } = await ctx.nats(['schedule']);
  await publishJson(js, subjects.meetingCancelled(chatId), checked.data);
  if (before.length === 0) {
    ctx.print(`meeting ${meetingId} of chat ${chatId} has no pending reminders; the cancellation is recorded`);
    return exitCodes.ok;
  }
  const done = await pollFor(async () => ((await live()).length === 0 ? true : undefined), ctx.config.CLI_WAIT_MS);
  ctx.print(done ? `meeting ${meetingId} cancelled: ${before.length} reminder(s) cancelled` : `cancel queued for meeting ${meetingId}: the scheduler did not apply it within ${ctx.config.CLI_WAIT_MS} ms`);
  return exitCodes.ok;
};
