import type Anthropic from '@anthropic-ai/sdk';
import type { Logger } from '@followups/kit';
import type { BrainInput, FollowUpRequest } from '../brain.js';
import { describeWhen, localDateTimeText } from '../texts.js';
import { formatLocal } from './local-time.js';
import { describeInvalidInput, isToolName, toolInputs, type ToolInput } from './tools.js';
import { validateProposal } from './validate-proposal.js';

/** More than this many follow-ups for one message is a model in a loop, not a client's wish. */
export const MAX_FOLLOW_UPS = 3;
const REASON_MAX = 500;

/** What the tool calls of one message add up to, in call order; nothing happens until the agent publishes it. */
export interface TurnState {
  schedule: FollowUpRequest[];
  cancelAll?: { reason: string };
  optOut: boolean;
}

export interface ToolContext {
  input: BrainInput;
  defaultHour: number;
  log: Logger;
}

type Result = Pick<Anthropic.ToolResultBlockParam, 'content' | 'is_error'>;

/**
 * Runs one tool call against the turn's state and answers it. Invalid input and refused times
 * come back as `is_error` results that say what is wrong, so Claude can correct itself.
 */
export function executeTool(ctx: ToolContext, state: TurnState, call: Anthropic.ToolUseBlock): Anthropic.ToolResultBlockParam {
  const ids = { chatId: ctx.input.chatId, messageId: ctx.input.message.messageId, tool: call.name };
  const answer = (r: Result): Anthropic.ToolResultBlockParam => ({ type: 'tool_result', tool_use_id: call.id, ...r });
  if (!isToolName(call.name)) return answer({ is_error: true, content: `Unknown tool ${call.name}.` });

  const parsed = toolInputs[call.name].safeParse(call.input);
  if (!parsed.success) {
    ctx.log.info({ ...ids, fields: parsed.error.issues.map((i) => i.path.join('.')) }, 'tool input invalid, Claude is told why');
    return answer({ is_error: true, content: describeInvalidInput(parsed.error) });
  }
  switch (call.name) {
    case 'schedule_followup':
      return answer(scheduleFollowup(ctx, state, parsed.data as ToolInput<'schedule_followup'>, ids));
    case 'cancel_followups':
      // Sequential meaning: everything scheduled before this call, in earlier messages or this turn, is off.
      state.schedule = [];
      state.cancelAll ??= { reason: 'cancelled_by_agent' };
      return answer({ content: 'Cancelled every follow-up scheduled for this client so far.' });
    case 'note_opt_out':
      state.schedule = [];
      state.cancelAll = { reason: 'client_opted_out' };
      state.optOut = true;
      return answer({ content: 'Noted: every follow-up is cancelled and nothing will be scheduled until the client asks to be contacted again. Say a short polite goodbye.' });
  }
}

function scheduleFollowup(ctx: ToolContext, state: TurnState, args: ToolInput<'schedule_followup'>, ids: Record<string, unknown>): Result {
  const { input } = ctx;
  if (input.optedOut || state.optOut) {
    return { is_error: true, content: 'Refused: the client asked not to be contacted and has not asked to be contacted again. Do not schedule; answer without promising to write.' };
  }
  if (state.schedule.length >= MAX_FOLLOW_UPS) return { is_error: true, content: `Refused: at most ${MAX_FOLLOW_UPS} follow-ups per client message.` };

  const clientTexts = [...input.history.filter((h) => h.role === 'client').map((h) => h.text), input.message.text];
  const verdict = validateProposal({ message: input.message, clientTexts, timeZone: input.timeZone, defaultHour: ctx.defaultHour }, args);
  if (!verdict.ok) {
    ctx.log.info({ ...ids }, 'proposed follow-up time refused, Claude is told why');
    return { is_error: true, content: verdict.error };
  }
  const { at } = verdict;
  const corrected = verdict.source === 'resolver' && verdict.proposed?.getTime() !== at.getTime();
  if (corrected) {
    // Instants only: the client's words stay out of the log.
    ctx.log.warn({ ...ids, proposedAt: verdict.proposed?.toISOString() ?? null, storedAt: at.toISOString(), from: verdict.from }, "Claude's time disagrees with the resolver's reading of the client's words; the resolver's is stored");
  }
  if (!state.schedule.some((s) => s.at.getTime() === at.getTime())) {
    const reason = `${args.reason} (client: "${args.client_words}")`.slice(0, REASON_MAX);
    state.schedule.push({ at, text: args.text, reason });
  }
  const result = {
    status: 'scheduled',
    due_at_local: formatLocal(at, input.timeZone),
    time_zone: input.timeZone,
    client_local_time: localDateTimeText(at, input.timeZone, input.language),
    in_words: describeWhen(at, input.message.at, input.timeZone, input.language),
    ...(corrected ? { note: `Your proposal ${args.due_at_local} was replaced by the time the client's own words give.` } : {}),
    instruction: 'Confirm this exact day and time to the client (with the weekday).',
  };
  return { content: JSON.stringify(result) };
}
