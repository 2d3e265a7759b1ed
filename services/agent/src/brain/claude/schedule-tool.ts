import { isDayGranular } from '@followups/when';
import type { ScheduleRequest } from '../brain.js';
import { describeWhen, localDateTimeText } from '../texts.js';
import type { ToolContext, ToolResult, TurnState } from './execute-tool.js';
import { formatLocal } from './local-time.js';
import { checkToolTime } from './validate-proposal.js';

/** More than this many follow-ups for one message is a model in a loop, not a client's wish. */
export const MAX_FOLLOW_UPS = 3;
const REASON_MAX = 500;

export interface ScheduleArgs {
  type: ScheduleRequest['type'];
  clientWords: string;
  dueAtLocal: string;
  /** The follow-up's message, or the call's note. */
  text: string;
  reason: string;
}

/** schedule_followup and schedule_call: the time is checked against the client's own words, then added to the turn. */
export function scheduleFromTool(ctx: ToolContext, state: TurnState, args: ScheduleArgs, ids: Record<string, unknown>): ToolResult {
  const { input } = ctx;
  // A chat already do-not-contact never reaches a brain; this is the opt-out Claude noted in this very turn.
  if (state.optOut) {
    return { is_error: true, content: 'Refused: the client asked not to be contacted. Do not schedule; answer without promising to write or call.' };
  }
  if (state.schedule.length >= MAX_FOLLOW_UPS) return { is_error: true, content: `Refused: at most ${MAX_FOLLOW_UPS} scheduled actions per client message.` };

  const timeZone = state.timeZone ?? input.timeZone;
  const verdict = checkToolTime(ctx, timeZone, { client_words: args.clientWords, due_at_local: args.dueAtLocal });
  if (!verdict.ok) {
    ctx.log.info({ ...ids }, 'proposed time refused, Claude is told why');
    return { is_error: true, content: verdict.error };
  }
  const corrected = verdict.source === 'resolver' && verdict.proposed?.getTime() !== verdict.at.getTime();
  // A follow-up is a bot message: it waits for the send window, and a day the client named moves
  // off a public holiday. A call is the team's to make at the time the client asked.
  const dayGranular = verdict.source === 'resolver' && isDayGranular(verdict.from === 'client_words' ? args.clientWords : input.timeText);
  const placed = args.type === 'follow_up' ? input.sending.place(verdict.at, timeZone, dayGranular) : { at: verdict.at, moved: null };
  const { at } = placed;
  if (corrected) {
    // Instants only: the client's words stay out of the log.
    ctx.log.warn({ ...ids, proposedAt: verdict.proposed?.toISOString() ?? null, storedAt: at.toISOString(), from: verdict.from }, "Claude's time disagrees with the resolver's reading of the client's words; the resolver's is stored");
  }
  if (!state.schedule.some((s) => s.type === args.type && s.at.getTime() === at.getTime())) {
    const reason = `${args.reason} (client: "${args.clientWords}")`.slice(0, REASON_MAX);
    state.schedule.push({ type: args.type, at, text: args.text, reason });
  }
  const result = {
    status: 'scheduled',
    due_at_local: formatLocal(at, timeZone),
    time_zone: timeZone,
    client_local_time: localDateTimeText(at, timeZone, input.language),
    in_words: describeWhen(at, input.message.at, timeZone, input.language),
    ...(corrected ? { note: `Your proposal ${args.dueAtLocal} was replaced by the time the client's own words give.` } : {}),
    ...(placed.moved === 'window' ? { moved: `${formatLocal(verdict.at, timeZone)} is outside the hours the bot writes to clients; moved to the next opening. Tell the client this time.` } : {}),
    ...(placed.moved === 'holiday' ? { moved: `${formatLocal(verdict.at, timeZone)} falls on a public holiday (${placed.holiday}); moved to the next working day. Tell the client this time.` } : {}),
    instruction:
      args.type === 'call'
        ? 'Confirm this exact day and time to the client (with the weekday), saying a colleague will call.'
        : 'Confirm this exact day and time to the client (with the weekday).',
  };
  return { content: JSON.stringify(result) };
}
