import { resolveWhen } from '@followups/when';
import type { Brain, BrainInput, Decision } from './brain.js';
import { readContactRequest } from './contact-request.js';
import { askWhenText, confirmationText, followUpText } from './texts.js';

/** Further out than this is not a follow-up a client meant; ask instead. */
const HORIZON_MS = 366 * 86_400_000;
const REASON_MAX = 500;

export interface RuleBrainOptions {
  /** Local hour for day-granular phrases ("завтра", "в пятницу"). */
  defaultHour: number;
}

/**
 * The deterministic brain: when the client asks to be contacted later and the resolver
 * understands when, schedule a follow-up then and confirm the time; when they ask without a time
 * we understand, ask when; otherwise stay silent. A reply to our own "when?" counts as a request.
 */
export function createRuleBrain(options: RuleBrainOptions): Brain {
  return {
    name: 'rule',
    async decide(input: BrainInput): Promise<Decision> {
      const { message, timeZone, language } = input;
      const request = readContactRequest(message.text);
      const answeringOurQuestion = lastBotText(input) === askWhenText.ru || lastBotText(input) === askWhenText.en;
      if (!request.asked && !answeringOurQuestion) return {};
      // An opted-out client is contacted again only when they ask for it (the agent lifts the opt-out then).
      if (input.optedOut) return {};

      // Read from the moment the client wrote: a redelivery or a backlog gives the same answer.
      const reference = message.at;
      const at = resolveWhen(message.text, reference, timeZone, { defaultHour: options.defaultHour });
      const usable = at !== null && at.getTime() > reference.getTime() && at.getTime() - reference.getTime() <= HORIZON_MS;
      if (usable) {
        return {
          schedule: [{ at, text: followUpText[language], reason: message.text.trim().slice(0, REASON_MAX) }],
          replies: [confirmationText(at, reference, timeZone, language)],
        };
      }
      if (request.asked && (request.later || at !== null)) return { replies: [askWhenText[language]] };
      return {};
    },
  };
}

function lastBotText(input: BrainInput): string | undefined {
  const last = input.history.at(-1);
  return last?.role === 'bot' ? last.text : undefined;
}
