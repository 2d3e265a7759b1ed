import { isDayGranular, resolveWhen } from '@followups/when';
import { readMessage, type MessageReading } from '../reading/read-message.js';
import type { Brain, BrainInput, Decision, ScheduleRequest } from './brain.js';
import { describeForOperators } from './describe-for-operators.js';
import {
  askWhenCallText,
  askWhenText,
  callConfirmationText,
  callSoonText,
  clarifyWhenCallText,
  clarifyWhenText,
  complaintHandedOverText,
  confirmationText,
  courtesyText,
  followUpText,
  greetingText,
  questionHandedOverText,
  zoneNotedText,
} from './texts.js';

const REASON_MAX = 500;

export interface RuleBrainOptions {
  /** Local hour for day-granular phrases ("завтра", "в пятницу"). */
  defaultHour: number;
}

/**
 * The deterministic brain. Every message ends in something the client or a human sees:
 * - a call asked for at a time → a call for the team then, confirmed ("наберём вам завтра в 11:00");
 *   without a time → "when?", or at once to the team if asked for now;
 * - a request to write, a reply to our "when?", a message that is only a time ("через недельку",
 *   "ok, Monday") or proposes one ("давайте через неделю") → a follow-up then, confirmed; a request
 *   without a time we can place → "when?"; our "when?" answered with no time we can place → asked
 *   again with examples, and a human is told;
 * - the zone alone ("я в Москве") → noted and said back;
 * - a complaint or a question → handed to a human, and the client is told a person will answer;
 * - thanks and "ok" → the agent keeps what was pending; with nothing pending, a courtesy reply;
 * - a greeting → a greeting; anything else → handed to a human.
 * Opt-outs are decided before any brain, by the agent.
 */
export function createRuleBrain(options: RuleBrainOptions): Brain {
  return {
    name: 'rule',
    async decide(input: BrainInput): Promise<Decision> {
      const { message, timeZone } = input;
      // Read from the moment the client wrote: a redelivery or a backlog gives the same answer.
      // Further out than the horizon is not a follow-up a client meant: ask instead.
      const resolve = (text: string) => usable(resolveWhen(text, message.at, timeZone, { defaultHour: options.defaultHour }), message.at, input.sending.horizonMs);
      const reading = readMessage(message.text, input.timeText, (clause) => resolve(clause) !== null);
      // The whole message first; where other words muddle it ("в понедельник, сегодня уже не успею"), the clause that is only a time.
      const whole = resolve(input.timeText);
      const whenText = whole ? input.timeText : (reading.timeClause ?? '');
      const when = whole ?? (reading.timeClause ? resolve(reading.timeClause) : null);
      return decideFromReading(input, reading, when && { at: when, dayGranular: isDayGranular(whenText) });
    },
  };
}

function decideFromReading(input: BrainInput, reading: MessageReading, asked: { at: Date; dayGranular: boolean } | null): Decision {
  const when = asked?.at ?? null;
  const { language } = input;
  const answering = answeredQuestion(input);
  const { request } = reading;
  const zone = { timeZone: input.timeZone, teamTimeZone: input.teamTimeZone };
  const reason = input.message.text.trim().slice(0, REASON_MAX);
  const extraQuestion: Pick<Decision, 'attention'> = reading.questions.length ? { attention: { reason: 'question', suggested: 'answer the question; the time asked for is scheduled' } } : {};

  // "Good evening" is a greeting, not a request for 19:00.
  if (reading.greeting) return { replies: [greetingText[language]] };
  if (request.kind === 'call' || (answering === 'call' && !request.asked)) {
    if (when) {
      const call: ScheduleRequest = { type: 'call', at: when, text: reason, reason };
      return { cancelEarlier: { reason: 'call_rescheduled', types: ['call'] }, schedule: [call], replies: [callConfirmationText(when, input.message.at, zone, language)], ...extraQuestion };
    }
    if (request.now) return { attention: { reason: 'call_request', suggested: 'call the client now' }, replies: [callSoonText[language]] };
    if (answering === 'call') return { attention: { reason: 'not_understood_time', suggested: 'agree a time for the call' }, replies: [clarifyWhenCallText[language]] };
    return { replies: [askWhenCallText[language]] };
  }

  const timeIsTheRequest = when !== null && (reading.timeOnly || reading.timeClause !== null || reading.proposal);
  if (request.kind === 'write' || answering === 'write' || timeIsTheRequest) {
    if (asked) {
      // Outside the send window, or a named day that is a public holiday: the client is told the real time.
      const { at } = input.sending.place(asked.at, input.timeZone, asked.dayGranular);
      const followUp: ScheduleRequest = { type: 'follow_up', at, text: followUpText[language], reason };
      return { cancelEarlier: { reason: 'rescheduled', types: ['follow_up'] }, schedule: [followUp], replies: [confirmationText(at, input.message.at, zone, language)], ...extraQuestion };
    }
    if (answering === 'write' && !request.asked) return { attention: { reason: 'not_understood_time', suggested: 'agree a time to write' }, replies: [clarifyWhenText[language]] };
    return { replies: [askWhenText[language]], ...(reading.questions.length ? { attention: { reason: 'question' } } : {}) };
  }

  if (input.zoneStated && reading.zoneOnly) return { replies: [zoneNotedText(input.timeZone, input.message.at, language)] };
  if (reading.complaint) return { attention: { reason: 'complaint' }, replies: [complaintHandedOverText[language]] };
  if (reading.questions.length) {
    return { attention: { reason: 'question', ...(when ? { suggested: `the client mentions ${describeForOperators(when, input.timeZone)}` } : {}) }, replies: [questionHandedOverText[language]] };
  }
  if (reading.acknowledgement) return input.pending.length ? {} : { replies: [courtesyText[language]] };
  return { attention: { reason: 'unclear', ...(when ? { suggested: `the client mentions ${describeForOperators(when, input.timeZone)}; write then?` } : {}) } };
}

function usable(at: Date | null, reference: Date, horizonMs: number): Date | null {
  return at !== null && at.getTime() > reference.getTime() && at.getTime() - reference.getTime() <= horizonMs ? at : null;
}

/** Which of our questions the client is answering, if our last word was one. */
function answeredQuestion(input: BrainInput): 'write' | 'call' | null {
  const last = input.history.at(-1);
  if (last?.role !== 'bot') return null;
  if ([askWhenCallText.ru, askWhenCallText.en, clarifyWhenCallText.ru, clarifyWhenCallText.en].includes(last.text)) return 'call';
  const asked = [askWhenText.ru, askWhenText.en, clarifyWhenText.ru, clarifyWhenText.en];
  return asked.includes(last.text) ? 'write' : null;
}
