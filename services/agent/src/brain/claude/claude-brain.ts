import type Anthropic from '@anthropic-ai/sdk';
import type { Logger } from '@followups/kit';
import type { Brain, BrainInput, Decision } from '../brain.js';
import { callConfirmationText, confirmationText } from '../texts.js';
import { conversationTurns } from './conversation.js';
import { executeTool, type TurnState } from './execute-tool.js';
import { buildRequest } from './request.js';
import { runToolLoop } from './tool-loop.js';

export interface ClaudeBrainOptions {
  client: Anthropic;
  model: string;
  maxTokens: number;
  systemPrompt: string;
  /** Local hour for day-granular phrases, for the resolver that checks Claude's times. */
  defaultHour: number;
  log: Logger;
  /** Requests per message, tool rounds included. */
  maxRounds?: number;
}

/**
 * Claude as the brain: the operators' prompt, the chat's history and the client's local time go
 * in; tool calls come back and are checked and collected into a decision. Deciding has no side
 * effects, so a failure halfway (Claude unreachable on the second round) loses nothing.
 */
export function createClaudeBrain(o: ClaudeBrainOptions): Brain {
  const settings = { model: o.model, maxTokens: o.maxTokens, systemPrompt: o.systemPrompt };
  return {
    name: 'claude',
    async decide(input: BrainInput): Promise<Decision> {
      const ids = { chatId: input.chatId, messageId: input.message.messageId };
      const state: TurnState = { schedule: [], optOut: false };
      const request = buildRequest(settings, input, conversationTurns(input.history, input.message.text));
      const ctx = { input, defaultHour: o.defaultHour, log: o.log };
      const { reply } = await runToolLoop({ client: o.client, request, maxRounds: o.maxRounds ?? 4, execute: (call) => executeTool(ctx, state, call), log: o.log, ids });

      const replies = reply ? [reply] : [];
      const first = state.schedule[0];
      if (first && replies.length === 0) {
        // An action the client was never told about would surprise them: confirm it in our words.
        const zone = { timeZone: state.timeZone ?? input.timeZone, teamTimeZone: input.teamTimeZone };
        const confirm = first.type === 'call' ? callConfirmationText : confirmationText;
        replies.push(confirm(first.at, input.message.at, zone, input.language));
      }
      return {
        ...(replies.length ? { replies } : {}),
        ...(state.schedule.length ? { schedule: state.schedule } : {}),
        ...(state.cancelAll ? { cancelAll: state.cancelAll } : {}),
        ...(state.cancelEarlier && !state.cancelAll ? { cancelEarlier: state.cancelEarlier } : {}),
        ...(state.optOut ? { optOut: true } : {}),
        ...(state.attention ? { attention: state.attention } : {}),
        ...(state.timeZone && state.timeZone !== input.timeZone ? { timeZone: state.timeZone } : {}),
        ...(state.meeting ? { meeting: state.meeting } : {}),
        ...(state.cancelMeeting && !state.meeting ? { cancelMeeting: state.cancelMeeting } : {}),
      };
    },
  };
}
