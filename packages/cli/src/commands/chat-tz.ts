import { setChatTimeZone } from '@followups/actions';
import { parseZoneChoice } from '../chats/parse-zone.js';
import { explainMissingTable } from '../connections.js';
import { exitCodes } from '../errors.js';
import { formatLocal } from '../output.js';
import { parseChatId } from '../validate.js';
import type { Run } from './catalog.js';

export const run: Run<'chatTz'> = async ({ positionals }, ctx) => {
  const [chat, ...zoneWords] = positionals;
  const chatId = parseChatId(chat);
  const given = zoneWords.join(' ').trim(); // "Нижний Новгород" arrives as two words
  const choice = await parseZoneChoice(given);
  await explainMissingTable(setChatTimeZone(await ctx.db(), chatId, choice.timeZone, 'operator'));
  const zone = choice.timeZone ?? ctx.config.settings.timeZone;
  const set = choice.timeZone === null ? `back to the team's default, ${zone}` : choice.readAs === 'IANA name' ? zone : `${zone} (the ${choice.readAs} "${given}")`;
  ctx.print(`chat ${chatId}: time zone ${set}; the chat's time now is ${formatLocal(ctx.io.clock(), zone)}`);
  return exitCodes.ok;
};
