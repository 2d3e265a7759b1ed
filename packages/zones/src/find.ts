import { ABBREVIATIONS, LOWER_CASE_OK, REGION_ZONES } from './abbreviations.js';
import {
  AFTER_TIME_ADJECTIVE,
  ANSWER_LEADS,
  CONTACT_VERBS,
  EN_BARE_SUBJECTS,
  NOT_NOW,
  LOCATIVE,
  ORIGIN,
  RUN_STARTS,
  RUN_WORDS,
  SOFT_STARTS,
  TIME_NOUNS,
  UNTIL,
  ZONE_STATEMENTS,
} from './grammar.js';
import { findOffset } from './offsets.js';
import { adjectiveZone, placeAt, type PlaceHit } from './places.js';
import type { Case } from './russian.js';
import { adjacent, words, type Word } from './text.js';
import { isValidZone } from './valid.js';

export interface ZoneMention {
  timeZone: string;
  /** The words that named it, as found in the text. */
  matched: string;
  index: number;
  /** 'place' (city/country), 'offset' (UTC+3, МСК+2), 'abbreviation' (EST, CET, по мск). */
  kind: 'place' | 'offset' | 'abbreviation';
}

/**
 * How strongly a phrase states the client's zone. A stated clock ("по московскому", "UTC+3",
 * "Berlin time") beats where they are now ("я сейчас в Алматы"), which beats where they are
 * from ("я из Москвы"), which beats a bare place name given as an answer.
 */
const Rank = { Answer: 0, Origin: 1, Presence: 2, Clock: 3 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];

/** A zone found, or a place found that spans several zones (`timeZone` null: "я в России"). */
interface Found {
  timeZone: string | null;
  start: number;
  end: number;
  kind: ZoneMention['kind'];
  rank: Rank;
}

const ALL_CASES: readonly Case[] = ['nom', 'gen', 'dat', 'acc', 'ins', 'prep'];

/**
 * The time zone the client states in this message, or null. The strongest statement wins
 * (see `Rank`), the earlier one on a tie; a multi-zone country at the top ("я в России",
 * "I'm in the US") gives null rather than a guess.
 */
export function findZoneMention(text: string): ZoneMention | null {
  // same length as the text, so indices stay the caller's
  const source = text.replace(/[\u2010-\u2015\u2212]/g, '-').replace(/[\u00a0\u202f]/g, ' ').replace(/[\u2019\u02bc]/g, "'");
  const ws = words(source);
  const found: Found[] = [];
  const offset = findOffset(source);
  if (offset) {
    const end = offset.index + offset.matched.length;
    found.push({ timeZone: offset.timeZone, start: offset.index, end, kind: 'offset', rank: Rank.Clock });
  }
  found.push(...abbreviations(source, ws, offset));
  for (let i = 0; i < ws.length; i++) {
    const f = presence(source, ws, i) ?? timeAdjective(source, ws, i) ?? timeOfPlace(source, ws, i) ?? zoneStatement(source, ws, i);
    if (f) found.push(f);
  }
  const answer = bareAnswer(source, ws);
  if (answer) found.push(answer);
  const best = found.sort((a, b) => b.rank - a.rank || a.start - b.start)[0];
  if (!best?.timeZone || !isValidZone(best.timeZone)) return null;
  return { timeZone: best.timeZone, matched: text.slice(best.start, best.end), index: best.start, kind: best.kind };
}

function place(ws: readonly Word[], i: number, hit: PlaceHit, rank: Rank): Found {
  return { timeZone: hit.timeZone, start: ws[i]!.start, end: ws[i + hit.length - 1]!.end, kind: 'place', rank };
}

/**
 * "я (сейчас) в Москве", "живу в Питере", "мы из Алматы", "I'm in Berlin", "we're based in
 * London", "I'm from Kazan": a run of subject/adverb words right before "в"/"из"/"in"/"from",
 * opened by a subject or by a verb that needs none.
 */
function presence(source: string, ws: readonly Word[], i: number): Found | null {
  const prep = ws[i]!.text;
  const origin = ORIGIN.has(prep);
  if (!origin && !LOCATIVE.has(prep)) return null;
  let first = i;
  while (first > 0 && RUN_WORDS.has(ws[first - 1]!.text) && adjacent(source, ws[first - 1]!, ws[first]!)) first--;
  const run = ws.slice(first, i).map((w) => w.text);
  const soft = run.length > 0 && SOFT_STARTS.has(run[0]!);
  if (!run.length || (!RUN_STARTS.has(run[0]!) && !soft)) return null;
  if (run.every((w) => EN_BARE_SUBJECTS.has(w))) return null; // "I in …"
  const english = /[a-z]/.test(prep);
  const cases: readonly Case[] = english ? ALL_CASES : origin ? ['gen'] : ['prep'];
  // "I'm in the US": the article is no part of the name, unless the name keeps it ("the States")
  let at = i + 1;
  let hit = at < ws.length ? placeAt(ws, at, cases, source) : null;
  if (!hit && english && ws[at]?.text === 'the') hit = placeAt(ws, ++at, cases, source);
  if (!hit) return null;
  const end = ws[at + hit.length - 1]!.end;
  // "…, сейчас на Бали" answers where; "сейчас в Москве дождь" is about Moscow
  if (soft && !/^[\s.,;:!?)]*$/.test(source.slice(end).split(/[.,;!?\n]/)[0]!)) return null;
  if (!origin && plansTrip(source, ws[first]!.start, end)) return null;
  return place(ws, at, hit, origin ? Rank.Origin : Rank.Presence);
}

/**
 * Whether the clause around a presence statement makes it a plan or a memory (`NOT_NOW`). A
 * comma or a full stop ends the clause, so "я в Москве, напишите завтра" still counts.
 */
function plansTrip(source: string, start: number, end: number): boolean {
  const from = Math.max(...['.', ',', ';', '!', '?', '\n'].map((c) => source.lastIndexOf(c, start - 1))) + 1;
  const stops = ['.', ',', ';', '!', '?', '\n'].map((c) => source.indexOf(c, end)).filter((n) => n >= 0);
  const to = stops.length ? Math.min(...stops) : source.length;
  const clause = words(source.slice(from, to));
  return clause.some((w, k) => NOT_NOW.has(w.text) && !UNTIL.has(clause[k - 1]?.text ?? ''));
}

/**
 * "по московскому (времени)", "московское время", "по уральскому": an adjective of a place
 * next to a time noun, or after "по" with nothing after it but a time or a function word.
 */
function timeAdjective(source: string, ws: readonly Word[], i: number): Found | null {
  const next = ws[i + 1];
  const timeNoun = next && TIME_NOUNS.has(next.text) && adjacent(source, ws[i]!, next);
  const afterPo = i > 0 && ws[i - 1]!.text === 'по' && adjacent(source, ws[i - 1]!, ws[i]!);
  if (!timeNoun && !afterPo) return null;
  if (!timeNoun && next && adjacent(source, ws[i]!, next) && !AFTER_TIME_ADJECTIVE.has(next.text)) return null;
  const timeZone = adjectiveZone(ws[i]!.text);
  if (!timeZone) return null;
  return { timeZone, start: ws[i]!.start, end: timeNoun ? next.end : ws[i]!.end, kind: 'place', rank: Rank.Clock };
}

/**
 * "по времени Екатеринбурга", "в 15 по Киеву", "по Москве" as an answer, "Berlin time",
 * "in Moscow time", "Eastern time".
 */
function timeOfPlace(source: string, ws: readonly Word[], i: number): Found | null {
  const w = ws[i]!.text;
  if (w === 'по' && ws[i + 1]?.text === 'времени' && ws[i + 2]) {
    const hit = placeAt(ws, i + 2, ['gen'], source);
    return hit ? place(ws, i + 2, hit, Rank.Clock) : null;
  }
  if (w === 'по' && ws[i + 1]) {
    // "по Киеву" is a clock only next to a time, after "пишите", before "времени", or alone
    const hit = placeAt(ws, i + 1, ['dat'], source);
    if (!hit) return null;
    const after = ws[i + 1 + hit.length];
    const clockBefore = /\d\s*(?:[:.]\d\d)?\s*(?:ч|час\p{L}*|утра|вечера|дня|ночи)?\s*$/iu.test(clauseBefore(source, ws[i]!.start));
    const whole = i === 0 && !after;
    const contact = i > 0 && CONTACT_VERBS.has(ws[i - 1]!.text);
    if (clockBefore || whole || contact || after?.text === 'времени') return place(ws, i + 1, hit, Rank.Clock);
    return null;
  }
  if (w === 'time' && i > 0) {
    const region = REGION_ZONES.get(ws[i - 1]!.text);
    if (region) return { timeZone: region, start: ws[i - 1]!.start, end: ws[i]!.end, kind: 'abbreviation', rank: Rank.Clock };
    for (let start = Math.max(0, i - 3); start < i; start++) {
      const hit = placeAt(ws, start, ALL_CASES, source);
      if (hit && start + hit.length === i && adjacent(source, ws[i - 1]!, ws[i]!)) return place(ws, start, hit, Rank.Clock);
    }
  }
  return null;
}

/** The text from the start of the clause up to `index`. */
function clauseBefore(source: string, index: number): string {
  const from = Math.max(...[',', ';', '!', '?', '\n'].map((c) => source.lastIndexOf(c, index - 1))) + 1;
  return source.slice(from, index);
}

/** "my time zone is Berlin", "часовой пояс — Москва": a place right after the statement. */
function zoneStatement(source: string, ws: readonly Word[], i: number): Found | null {
  if (i === 0 || !afterStatement(ws, i) || !/^[\s:—–-]*$/.test(source.slice(ws[i - 1]!.end, ws[i]!.start))) return null;
  const hit = placeAt(ws, i, ['nom', 'gen'], source, 'answer');
  return hit ? place(ws, i, hit, Rank.Clock) : null;
}

/** Whether a zone statement ("my time zone (is)", "часовой пояс") ends right before word `k`. */
function afterStatement(ws: readonly Word[], k: number): boolean {
  const end = ws[k - 1]?.text === 'is' ? k - 1 : k;
  return ZONE_STATEMENTS.some((p) => p.every((word, j) => ws[end - p.length + j]?.text === word));
}

/**
 * EST, PST, CET, "по мск", "10:00 МСК": an abbreviation as the whole message, or with a clock
 * before it, "по"/"in" before it, "time"/"времени" after it, or a zone statement before it.
 * Latin ones only in capitals (`LOWER_CASE_OK` aside), so "est" in another language is no zone.
 */
function abbreviations(source: string, ws: readonly Word[], offset: { index: number; matched: string } | null): Found[] {
  const out: Found[] = [];
  for (const [k, w] of ws.entries()) {
    const upper = w.raw.toUpperCase();
    const timeZone = ABBREVIATIONS.get(upper);
    if (!timeZone || (w.raw !== upper && !LOWER_CASE_OK.has(upper))) continue;
    if (offset && w.start >= offset.index && w.start < offset.index + offset.matched.length) continue;
    // "UTC+15" is no zone, and no plain UTC either
    if (/^\s*[+-]\s*\d/.test(source.slice(w.end))) continue;
    const before = ws[k - 1]?.text;
    const after = ws[k + 1]?.text;
    const alone = ws.length === 1 || (ws.length === 2 && k === 1 && (before === 'по' || before === 'in'));
    const clock = /\d\s*(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|утра|вечера|дня|ночи|ч|часов)?\s*[([]?\s*$/i.test(clauseBefore(source, w.start));
    const framed = before === 'по' || before === 'in' || after === 'time' || after === 'timezone' || after === 'времени';
    if (alone || clock || framed || afterStatement(ws, k)) out.push({ timeZone, start: w.start, end: w.end, kind: 'abbreviation', rank: Rank.Clock });
  }
  return out;
}

/**
 * A message that is only a place: "Алматы", "Москва, Россия", "в Казани", "г. Алматы", "Berlin".
 * The place may be followed by its country.
 */
function bareAnswer(source: string, ws: readonly Word[]): Found | null {
  if (!ws.length || ws.length > 6) return null;
  const lead = ANSWER_LEADS.get(ws[0]!.text);
  const at = lead && ws.length > 1 ? 1 : 0;
  const cases: readonly Case[] = at ? [lead!] : ['nom'];
  const hit = placeAt(ws, at, /[a-z]/.test(ws[at]!.text) ? ALL_CASES : cases, source, 'answer');
  if (!hit) return null;
  const rest = at + hit.length;
  if (rest < ws.length) {
    const country = placeAt(ws, rest, ALL_CASES, source, 'answer');
    if (!country || country.kind !== 'country' || rest + country.length !== ws.length) return null;
  }
  return place(ws, at, hit, Rank.Answer);
}
