import { readContactRequest, type ContactRequest } from './contact-request.js';
import { clauses, isAcknowledgement, isComplaint, isGreeting, isQuestion } from './message-kinds.js';
import { isTimeOnly, proposesTime, saysNothingElse } from './time-reply.js';

/** What a client message is, besides an opt-out (read first, by the agent) and a time (the resolver's). */
export interface MessageReading {
  request: ContactRequest;
  /** Nothing but a time and filler. */
  timeOnly: boolean;
  /** Without its zone words, nothing but filler and time words (or nothing): "я в Москве". */
  nothingElse: boolean;
  /** "давайте", "лучше", "let's" with a time, in a statement. */
  proposal: boolean;
  /** Sentences that ask something, other than the ones asking us to write or call at a time. */
  questions: string[];
  complaint: boolean;
  acknowledgement: boolean;
  greeting: boolean;
}

/** `timeText` is the message without the words that named a zone; `hasTime(clause)` asks the resolver. */
export function readMessage(text: string, timeText: string, hasTime: (clause: string) => boolean): MessageReading {
  const questions = clauses(text).filter((c) => isQuestion(c) && !readContactRequest(c).asked && !(hasTime(c) && (isTimeOnly(c) || proposesTime(c))));
  return {
    request: readContactRequest(text),
    timeOnly: isTimeOnly(timeText),
    nothingElse: saysNothingElse(timeText),
    proposal: proposesTime(text) && !clauses(text).every((c) => isQuestion(c)),
    questions,
    complaint: isComplaint(text),
    acknowledgement: isAcknowledgement(text),
    greeting: isGreeting(text),
  };
}
