import { findZoneMention, zoneOfPlace } from '@followups/zones';
import { isValidTimeZone } from '@followups/when';
import { localDateTimeText } from '../texts.js';
import type { ToolContext, ToolResult, TurnState } from './execute-tool.js';

/**
 * set_time_zone: the place Claude names is looked up with the same data as the agent's own
 * reader (a city, a country, "UTC+3", an IANA name). A place we cannot place is refused, so a
 * model's guess never moves a client's clock.
 */
export function setTimeZoneFromTool(ctx: ToolContext, state: TurnState, place: string): ToolResult {
  // A mention first: it reads offsets whole ("МСК+2", "UTC+3"), where a place look-up would stop at "МСК".
  const timeZone = isValidTimeZone(place) && place.includes('/') ? place : (findZoneMention(place)?.timeZone ?? zoneOfPlace(place));
  if (!timeZone) {
    return { is_error: true, content: `Refused: "${place}" is not a place or offset we can map to one time zone (a country with several zones needs a city). Ask the client for their city.` };
  }
  state.timeZone = timeZone;
  ctx.log.info({ chatId: ctx.input.chatId, messageId: ctx.input.message.messageId, timeZone }, 'Claude set the client time zone');
  return { content: JSON.stringify({ status: 'time zone set', time_zone: timeZone, client_local_time_now: localDateTimeText(ctx.input.message.at, timeZone, ctx.input.language) }) };
}
