import type { OpsAttention } from '@followups/contracts';
import type { ZoneOfChat } from '../chats/chat-zones.js';
import { clip, formatTable, formatWhen } from '../output.js';
import type { AttentionEntry } from './read-attention.js';

/** `--json`: the item as published (the contract's fields), marked open, with where it is stored. */
export function attentionJson(item: AttentionEntry): OpsAttention & { open: true; streamSeq: number } {
  return { ...item.payload, open: true, streamSeq: item.streamSeq };
}

/** The open items, oldest first, each time in its chat's zone with how long ago it was. */
export function formatAttention(items: readonly AttentionEntry[], view: { now: Date; zoneOf: ZoneOfChat }): string {
  return formatTable(
    ['AT', 'CHAT', 'REASON', 'TEXT', 'SUGGESTED', 'CONTACT'],
    items.map(({ chatId, payload: p }) => [
      formatWhen(new Date(p.at), view.zoneOf(chatId), view.now),
      chatId,
      p.reason,
      clip(p.text, 50),
      clip(p.suggested ?? '', 40),
      formatContact(p.contact),
    ]),
  );
}

/** `Иван Петров @ivan`: who to reach, as far as the gateway knew. */
export function formatContact(contact: OpsAttention['contact']): string {
  return [contact?.name, contact?.username && `@${contact.username.replace(/^@/, '')}`].filter(Boolean).join(' ');
}
