import { describeWhen, localDateTimeText } from '../texts.js';
import type { ToolContext, ToolResult, TurnState } from './execute-tool.js';
import { formatLocal } from './local-time.js';
import type { ToolInput } from './tools.js';
import { checkToolTime } from './validate-proposal.js';

/**
 * book_meeting: the time is checked against the client's own words as for a follow-up, but not
 * moved into the send window — the meeting is when it is; its reminders are the bot's messages.
 */
export function bookMeetingFromTool(ctx: ToolContext, state: TurnState, args: ToolInput<'book_meeting'>, ids: Record<string, unknown>): ToolResult {
  const { input } = ctx;
  if (state.optOut) return { is_error: true, content: 'Refused: the client asked not to be contacted; no reminders can be sent.' };
  const timeZone = state.timeZone ?? input.timeZone;
  const verdict = checkToolTime(ctx, timeZone, { client_words: args.client_words, due_at_local: args.meeting_at_local });
  if (!verdict.ok) {
    ctx.log.info({ ...ids }, 'proposed meeting time refused, Claude is told why');
    return { is_error: true, content: verdict.error };
  }
  state.meeting = { at: verdict.at, title: args.title };
  state.cancelMeeting = undefined;
  return {
    content: JSON.stringify({
      status: 'booked',
      meeting_at_local: formatLocal(verdict.at, timeZone),
      time_zone: timeZone,
      client_local_time: localDateTimeText(verdict.at, timeZone, input.language),
      in_words: describeWhen(verdict.at, input.message.at, timeZone, input.language),
      instruction: 'Confirm the meeting at this exact day and time (with the weekday); the client will get reminders before it.',
    }),
  };
}
