import { mentionsContact, readContactRequest, type ContactRequest } from './contact-request.js';
import { clauses, isAcknowledgement, isComplaint, isGreeting, isQuestion } from './message-kinds.js';
import { isTimeOnly, proposesTime } from './time-reply.js';
import { onlyZoneWords } from './zone-words.js';

/** What a client message is, besides an opt-out (read first, by the agent) and a time (the resolver's). */
export interface MessageReading {
  request: ContactRequest;
  /** Nothing but a time and filler. */
  timeOnly: boolean;
  /** A clause of it that is only a time, the first that resolves: "через неделю" in "через неделю, сейчас в отпуске". */
  timeClause: string | null;
  /** Without its zone words, nothing but words that go with stating a zone: "я сейчас в Москве". */
  zoneOnly: boolean;
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
  const parts = clauses(text);
  const questions = parts.filter((c) => isQuestion(c) && !mentionsContact(c) && !(hasTime(c) && (isTimeOnly(c) || proposesTime(c))));
  return {
    request: readContactRequest(text),
    timeOnly: isTimeOnly(timeText),
    timeClause: timeText.split(/[,;.!?\n]+/u).find((c) => isTimeOnly(c) && hasTime(c)) ?? null,
    zoneOnly: onlyZoneWords(timeText),
    proposal: proposesTime(text) && !parts.every((c) => isQuestion(c)),
    questions,
    complaint: isComplaint(text),
    acknowledgement: isAcknowledgement(text),
    greeting: isGreeting(text),
  };
}
