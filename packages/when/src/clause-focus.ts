import type { WhenSpec } from './spec.js';

// Which clauses of a message speak of the time to write: the one asking for contact, the last correction.

/**
 * Verbs that ask to be contacted. Stems, so every form counts: напишите, свяжемся, черкни, call me.
 */
const CONTACT = /(напиш|напис|свяж|связ|позвон|перезвон|звонит|созвон|звякн|черкн|отпиш|напомн|набер|write|call|ping|text me|remind|contact|get back|reach out|message me)/iu;
/** A proposal of a time without a contact verb: enough to outweigh a clause about the past ("вчера смотрели, давайте завтра в 11"). */
const PROPOSAL = /(давай|можно|let's|lets |how about|what about|can we|could we)/iu;

/** Clause breaks: punctuation before a space (not "1,5" or "15.12"), and "а"/"но"/"and"/"but" that start a new thought. */
const BREAKS = /[,;.!?]+(?=\s|$)|\s(?:а|но|and|but)\s/iu;

/** Names a day (not just a time of day): such a clause speaks of some day of its own. */
function namesDay(spec: WhenSpec): boolean {
  return (
    spec.days !== undefined ||
    spec.months !== undefined ||
    spec.date !== undefined ||
    spec.monthDay !== undefined ||
    spec.dayOfMonth !== undefined ||
    spec.monthPick !== undefined ||
    spec.dayOffset !== undefined ||
    spec.weekday !== undefined ||
    spec.period !== undefined ||
    spec.exactMs !== undefined
  );
}

/** Words that take back what was said before: "через 3 часа, а лучше завтра", "Friday — actually Monday". */
const CORRECTION = /(?:^|\s)(?:лучше|нет|хотя|точнее|вернее|actually|rather|better|no|instead)(?=\s|$)/iu;

/**
 * "через 3 часа, а лучше завтра": a later clause that corrects an earlier one with another day
 * replaces it; the text from the last such correction on is kept. A correction of the time of day
 * alone ("напишите завтра, лучше вечером") keeps the day: the whole text stays, its last time wins.
 */
export function focusOnCorrection(text: string, parse: (text: string) => WhenSpec): string {
  const clauses = text.split(BREAKS).filter((c) => c.trim() !== '');
  for (let i = clauses.length - 1; i > 0; i--) {
    if (!CORRECTION.test(clauses[i]!)) continue;
    const tail = clauses.slice(i).join(', ');
    if (namesDay(parse(tail))) return tail;
  }
  return text;
}

/**
 * "напишите в понедельник, мы приедем 15 декабря": two days are named, and only the one in the
 * clause asking to be contacted is the time to write. When exactly one clause asks for contact and
 * names a day, clauses that name another day without asking for contact are left out. Clauses
 * with only a time of day stay ("напишите завтра, часов в 5" is still 17:00 tomorrow). Clauses
 * about the past are left out when another clause asks for or proposes a time.
 */
export function focusOnContactClause(text: string, parse: (text: string) => WhenSpec): string {
  const clauses = text.split(BREAKS).filter((c) => c.trim() !== '');
  if (clauses.length < 2) return text;
  const all = clauses.map((c) => {
    const spec = parse(c);
    const day = namesDay(spec);
    const asks = CONTACT.test(c);
    const time = day || spec.clock !== undefined || spec.partOfDay !== undefined;
    return { clause: c, asks, day, proposes: time && !spec.past && (asks || PROPOSAL.test(c)), past: spec.past === true };
  });
  // "вчера смотрели, напишите вечером": a clause speaking of the past does not cancel another that asks for a time.
  const specs = all.some((s) => s.proposes) ? all.filter((s) => !s.past) : all;
  if (specs.filter((s) => s.asks && s.day).length !== 1) return specs.length === all.length ? text : join(specs);
  return join(specs.filter((s) => s.asks || !s.day));
}

const join = (specs: { clause: string }[]) => specs.map((s) => s.clause).join(', ');
