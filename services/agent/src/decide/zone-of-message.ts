import { findZoneMention } from '@followups/zones';
import { isValidTimeZone } from '@followups/when';

export interface MessageZone {
  /** The zone the message is read in: the one it names, else the chat's, else the team's. */
  timeZone: string;
  /** The message named it ("я в Москве", "по московскому", "UTC+3"): remember it for the chat. */
  stated: string | null;
  /** The message with the words that named the zone blanked, for the resolver ("UTC+3" is no time). */
  timeText: string;
}

export function zoneOfMessage(text: string, chatZone: string | null, teamZone: string): MessageZone {
  const mention = findZoneMention(text);
  const known = chatZone && isValidTimeZone(chatZone) ? chatZone : teamZone;
  if (!mention) return { timeZone: known, stated: null, timeText: text };
  const timeText = `${text.slice(0, mention.index)}${' '.repeat(mention.matched.length)}${text.slice(mention.index + mention.matched.length)}`;
  return { timeZone: mention.timeZone, stated: mention.timeZone, timeText };
}
