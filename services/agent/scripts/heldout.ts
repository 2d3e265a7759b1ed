/**
 * Scores the rule-based reading of client messages on the held-out set
 * (`heldout/messages.json`: messages written by someone who had not seen the readers' code, from
 * the READMEs' description of what the agent does). Each message goes through the same path as in
 * the service — the opt-out reader, the zone reader, the rule brain — and its outcome is compared
 * with the expected kind. Reference moment: Wednesday 2026-11-18 15:20, Asia/Makassar.
 *
 *   pnpm --filter @followups/agent heldout [--misses]
 */
import { readFileSync } from 'node:fs';
import type { Decision } from '../src/brain/brain.js';
import { createRuleBrain } from '../src/brain/rule-brain.js';
import { askWhenCallText, askWhenText, courtesyText, greetingText } from '../src/brain/texts.js';
import { anyTime } from '../src/brain/testing.js';
import { decideMessage } from '../src/decide/decide-message.js';
import { zoneOfMessage } from '../src/decide/zone-of-message.js';

interface HeldOutMessage {
  text: string;
  lang: 'ru' | 'en';
  previousBot?: string;
  expect: string;
  note: string;
}

const AT = new Date('2026-11-18T07:20:00.000Z');
const TEAM = 'Asia/Makassar';
const cases = JSON.parse(readFileSync(new URL('../heldout/messages.json', import.meta.url), 'utf8')) as HeldOutMessage[];
const brain = createRuleBrain({ defaultHour: 10 });

/** The decision as one of the held-out set's outcome kinds. */
function outcomeOf(d: Decision): string {
  if (d.optOut) return 'opt_out';
  const types = new Set((d.schedule ?? []).map((s) => s.type));
  if (types.has('call')) return 'call';
  if (types.has('follow_up')) return d.attention?.reason === 'question' ? 'follow_up+handoff:question' : 'follow_up';
  const reply = d.replies?.[0];
  if (reply && [askWhenText.ru, askWhenText.en, askWhenCallText.ru, askWhenCallText.en].includes(reply)) return 'ask_when';
  if (d.attention) return `handoff:${d.attention.reason}`;
  if (reply && (reply === courtesyText.ru || reply === courtesyText.en)) return 'courtesy';
  if (reply && (reply === greetingText.ru || reply === greetingText.en)) return 'greeting';
  return reply ? 'reply' : 'nothing';
}

const misses: { c: HeldOutMessage; got: string }[] = [];
for (const c of cases) {
  const zone = zoneOfMessage(c.text, null, TEAM);
  const decision = await decideMessage({
    brain,
    input: {
      chatId: '1',
      history: c.previousBot ? [{ role: 'bot', text: c.previousBot, at: AT, messageId: 1 }] : [],
      message: { messageId: 2, text: c.text, at: AT },
      timeText: zone.timeText,
      now: AT,
      timeZone: zone.timeZone,
      teamTimeZone: TEAM,
      zoneStated: zone.stated !== null,
      pending: [],
      language: c.lang,
      sending: anyTime,
    },
    pendingRows: [],
    zoneStated: zone.stated,
    optedOutBefore: false,
    defaultHour: 10,
  });
  const got = outcomeOf(decision);
  if (got !== c.expect) misses.push({ c, got });
}

const pct = (n: number, of: number) => `${n}/${of} ${((100 * n) / of).toFixed(1)}%`;
const byLang = (lang: string) => cases.filter((c) => c.lang === lang).length;
const missedLang = (lang: string) => misses.filter((m) => m.c.lang === lang).length;
console.log(`held-out messages: ${cases.length} (ru ${byLang('ru')}, en ${byLang('en')})`);
console.log(`outcome right: ${pct(cases.length - misses.length, cases.length)} · ru ${pct(byLang('ru') - missedLang('ru'), byLang('ru'))} · en ${pct(byLang('en') - missedLang('en'), byLang('en'))}`);
const kinds = [...new Set(cases.map((c) => c.expect))].sort();
for (const k of kinds) {
  const of = cases.filter((c) => c.expect === k).length;
  console.log(`  ${k.padEnd(28)} ${pct(of - misses.filter((m) => m.c.expect === k).length, of)}`);
}
const optOutWrongly = misses.filter((m) => m.got === 'opt_out').length;
console.log(`opted out where the client did not ask to: ${optOutWrongly}`);
if (process.argv.includes('--misses')) for (const { c, got } of misses) console.log(`  [${c.expect} → ${got}] ${JSON.stringify(c.text)}${c.previousBot ? ` (after "${c.previousBot}")` : ''}  — ${c.note}`);
