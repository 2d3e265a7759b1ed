import type Anthropic from '@anthropic-ai/sdk';
import type { Logger } from '@followups/kit';
import type { AttentionRequest, BrainInput, MeetingRequest, ScheduleRequest } from '../brain.js';
import { bookMeetingFromTool } from './meeting-tool.js';
import { describeInvalidInput, isToolName, toolInputs, type ToolInput } from './tools.js';
import { scheduleFromTool } from './schedule-tool.js';
import { setTimeZoneFromTool } from './time-zone-tool.js';

/** What the tool calls of one message add up to, in call order; nothing happens until the agent publishes it. */
export interface TurnState {
  schedule: ScheduleRequest[];
  cancelAll?: { reason: string };
  cancelEarlier?: { reason: string };
  optOut: boolean;
  attention?: AttentionRequest;
  /** Set by set_time_zone: later calls of the turn read times in it. */
  timeZone?: string;
  /** Set by book_meeting (the last one wins) and cancel_meeting. */
  meeting?: MeetingRequest;
  cancelMeeting?: { reason: string };
}

export interface ToolContext {
  input: BrainInput;
  defaultHour: number;
  log: Logger;
}

export type ToolResult = Pick<Anthropic.ToolResultBlockParam, 'content' | 'is_error'>;

/**
 * Runs one tool call against the turn's state and answers it. Invalid input and refused times
 * come back as `is_error` results that say what is wrong, so Claude can correct itself.
 */
export function executeTool(ctx: ToolContext, state: TurnState, call: Anthropic.ToolUseBlock): Anthropic.ToolResultBlockParam {
  const ids = { chatId: ctx.input.chatId, messageId: ctx.input.message.messageId, tool: call.name };
  const answer = (r: ToolResult): Anthropic.ToolResultBlockParam => ({ type: 'tool_result', tool_use_id: call.id, ...r });
  if (!isToolName(call.name)) return answer({ is_error: true, content: `Unknown tool ${call.name}.` });

  const parsed = toolInputs[call.name].safeParse(call.input);
  if (!parsed.success) {
    ctx.log.info({ ...ids, fields: parsed.error.issues.map((i) => i.path.join('.')) }, 'tool input invalid, Claude is told why');
    return answer({ is_error: true, content: describeInvalidInput(parsed.error) });
  }
  switch (call.name) {
    case 'schedule_followup': {
      const args = parsed.data as ToolInput<'schedule_followup'>;
      return answer(scheduleFromTool(ctx, state, { type: 'follow_up', clientWords: args.client_words, dueAtLocal: args.due_at_local, text: args.text, reason: args.reason }, ids));
    }
    case 'schedule_call': {
      const args = parsed.data as ToolInput<'schedule_call'>;
      return answer(scheduleFromTool(ctx, state, { type: 'call', clientWords: args.client_words, dueAtLocal: args.due_at_local, text: args.note, reason: args.reason }, ids));
    }
    case 'hand_off_to_human': {
      const args = parsed.data as ToolInput<'hand_off_to_human'>;
      state.attention = { reason: args.reason === 'other' ? 'handoff' : args.reason, suggested: args.summary };
      return answer({ content: 'A colleague is notified and will answer in this chat. Tell the client so, briefly; do not answer the question yourself.' });
    }
    case 'set_time_zone':
      return answer(setTimeZoneFromTool(ctx, state, (parsed.data as ToolInput<'set_time_zone'>).place));
    case 'cancel_followups':
      // Sequential meaning: everything scheduled before this call, in earlier messages or this turn, is off.
      state.schedule = state.schedule.filter((s) => s.type !== 'follow_up');
      state.cancelEarlier ??= { reason: 'cancelled_by_agent' };
      return answer({ content: 'Cancelled every follow-up scheduled for this client so far.' });
    case 'book_meeting':
      return answer(bookMeetingFromTool(ctx, state, parsed.data as ToolInput<'book_meeting'>, ids));
    case 'cancel_meeting':
      state.meeting = undefined;
      state.cancelMeeting = { reason: (parsed.data as ToolInput<'cancel_meeting'>).reason };
      return answer({ content: 'The meeting is cancelled, with its reminders. Tell the client briefly.' });
    case 'note_opt_out':
      state.schedule = [];
      state.meeting = undefined;
      state.cancelAll = { reason: 'client_opted_out' };
      state.optOut = true;
      return answer({ content: 'Noted: every follow-up is cancelled and the chat is marked do-not-contact until a colleague clears it. Say a short polite goodbye.' });
  }
}
