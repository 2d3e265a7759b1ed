import { setChatTimeZone } from '@followups/actions';
import { parseZoneChoice } from '../chats/parse-zone.js';
import { defineCommand } from '../command.js';
import { explainMissingTable } from '../connections.js';
import { exitCodes } from '../errors.js';
import { formatLocal } from '../output.js';
import { parseChatId } from '../validate.js';

export const chatTzCommand = defineCommand({
  path: ['chat', 'tz'],
  args: '<chat> <zone>',
  summary: 'set the client\'s time zone (or "default": back to the team\'s)',
  help: `<zone> is an IANA name (Europe/Moscow), a city or a country with one zone (Москва, Berlin,
Казахстан), an offset (UTC+3, МСК+2), or "default" to follow DEFAULT_TIME_ZONE again.
The agent reads the client's phrases in this zone from the next message on; actions already
scheduled keep their time. Set by an operator, it is recorded with source "operator".
examples:
  followups chat tz 100200300 Europe/Berlin
  followups chat tz 100200300 Алматы
  followups chat tz 100200300 default`,
  options: {},
  async run({ positionals }, ctx) {
    const [chat, ...zoneWords] = positionals;
    const chatId = parseChatId(chat);
    const given = zoneWords.join(' ').trim(); // "Нижний Новгород" arrives as two words
    const choice = await parseZoneChoice(given);
    await explainMissingTable(setChatTimeZone(await ctx.db(), chatId, choice.timeZone, 'operator'));
    const zone = choice.timeZone ?? ctx.config.settings.timeZone;
    const set = choice.timeZone === null ? `back to the team's default, ${zone}` : choice.readAs === 'IANA name' ? zone : `${zone} (the ${choice.readAs} "${given}")`;
    ctx.print(`chat ${chatId}: time zone ${set}; the chat's time now is ${formatLocal(ctx.io.clock(), zone)}`);
    return exitCodes.ok;
  },
});
