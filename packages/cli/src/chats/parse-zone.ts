import { isValidTimeZone } from '@followups/when';
import { UsageError } from '../errors.js';

/** What an operator's `<zone>` names: a zone and how it was read, or the team's default. */
export type ZoneChoice = { timeZone: string; readAs: 'IANA name' | 'place' | 'offset' | 'abbreviation' } | { timeZone: null };

/**
 * `default`, an IANA name (`Europe/Moscow`), or what the agent understands from a client: a
 * city or country (`Москва`, `Berlin`, `Казахстан`), an offset (`UTC+3`, `МСК+2`), an
 * abbreviation (`EST`, `по мск`). The same package reads it as for the agent, so an operator and
 * a client naming the same place get the same zone.
 */
export async function parseZoneChoice(value: string): Promise<ZoneChoice> {
  const text = value.trim();
  if (!text) throw new UsageError('missing <zone>: an IANA name (Europe/Moscow), a place (Москва, Berlin), an offset (UTC+3) or "default"');
  if (text.toLowerCase() === 'default') return { timeZone: null };
  if (text.includes('/') && isValidTimeZone(text)) return { timeZone: canonical(text), readAs: 'IANA name' };
  // Loaded only here: its city table costs half a second, which no other command should pay.
  const { findZoneMention, zoneOfPlace } = await import('@followups/zones');
  // A mention that is the whole value first: "МСК+2" is an offset from Moscow, not Moscow.
  const mention = findZoneMention(text);
  if (mention && mention.matched.length === text.length) return { timeZone: mention.timeZone, readAs: mention.kind };
  const place = zoneOfPlace(text);
  if (place) return { timeZone: place, readAs: 'place' };
  if (mention) return { timeZone: mention.timeZone, readAs: mention.kind }; // "по мск"
  if (isValidTimeZone(text)) return { timeZone: canonical(text), readAs: 'IANA name' }; // UTC, legacy names like CET
  throw new UsageError(`unknown time zone or place "${text}": give an IANA name (Europe/Moscow), a city or country with one zone (Москва, Berlin), an offset (UTC+3) or "default"`);
}

/** `europe/moscow` → `Europe/Moscow`: stored as the runtime spells it, so listings agree. */
function canonical(timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
}
