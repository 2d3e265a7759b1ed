import { getChat, type ActionRow, type ChatSettings } from '@followups/actions';
import type { TakeoverState } from '@followups/kit';
import { liveActionsOf } from '../actions/live-actions.js';
import { readOpenAttention } from '../attention/open-attention.js';
import type { AttentionEntry } from '../attention/read-attention.js';
import { explainMissingTable } from '../connections.js';
import type { Context } from '../context.js';
import { zoneOrTeam } from './chat-zones.js';
import { takeoverStateOf } from './takeover-state.js';

/** Everything `chat show` tells about one chat. */
export interface ChatOverview {
  settings: ChatSettings;
  /** The zone its times are shown in: its own, else the team's. */
  zone: string;
  takeover: TakeoverState;
  openAttention: AttentionEntry[];
  /** Attention messages of the chat that break the contract, left out. */
  malformedAttention: number;
  liveActions: ActionRow[];
}

/** Postgres and the streams are read in parallel: each answers a different question. */
export async function loadChatOverview(ctx: Context, chatId: string): Promise<ChatOverview> {
  const [db, nats] = await Promise.all([ctx.db(), ctx.nats()]);
  const [settings, liveActions, takeover, attention] = await Promise.all([
    explainMissingTable(getChat(db, chatId)),
    explainMissingTable(liveActionsOf(db, chatId)),
    takeoverStateOf(nats.jsm, chatId),
    readOpenAttention(nats, { chatId }), // the whole stream: a chat's hand-off stays open until dealt with
  ]);
  const zone = zoneOrTeam(settings.timeZone, ctx.config.settings.timeZone);
  return { settings, zone, takeover, openAttention: attention.open, malformedAttention: attention.malformed, liveActions };
}
