import bigInt from 'big-integer';
import { describe, expect, it } from 'vitest';
import { Api } from 'telegram';
import { classifyUpdate } from './classify-update.js';

/** GramJS's own types, as its update loop hands them over (ids are big-integer values). */
const DATE = 1_795_000_000;
const at = new Date(DATE * 1000);
const user = (id: number) => new Api.PeerUser({ userId: bigInt(id) });
const message = (over: Partial<ConstructorParameters<typeof Api.Message>[0]> = {}) =>
  new Api.Message({ id: 41, peerId: user(555), date: DATE, message: 'напишите через неделю', out: false, ...over });
const none = { isOwnSend: () => false };

describe('classifyUpdate', () => {
  it('a client message in a private chat is a client event, from either update form', () => {
    expect(classifyUpdate(new Api.UpdateNewMessage({ message: message(), pts: 1, ptsCount: 1 }), none)).toEqual([
      { kind: 'client', chatId: '555', messageId: 41, text: 'напишите через неделю', at },
    ]);
    const short = new Api.UpdateShortMessage({ id: 42, userId: bigInt(555), message: 'ok', pts: 2, ptsCount: 1, date: DATE, out: false });
    expect(classifyUpdate(short, none)).toEqual([{ kind: 'client', chatId: '555', messageId: 42, text: 'ok', at }]);
  });

  it("the account's message typed on another device is the operator's; the account's own send never is", () => {
    const typedOnPhone = new Api.UpdateNewMessage({ message: message({ id: 50, out: true, message: 'Это Анна' }), pts: 3, ptsCount: 1 });
    expect(classifyUpdate(typedOnPhone, none)).toEqual([{ kind: 'operator', chatId: '555', messageId: 50, text: 'Это Анна', at }]);
    const ours = { isOwnSend: (chatId: string, id: number) => chatId === '555' && id === 50 };
    expect(classifyUpdate(typedOnPhone, ours)).toEqual([]);
    expect(classifyUpdate(new Api.UpdateShortSentMessage({ id: 51, pts: 4, ptsCount: 1, date: DATE, out: true }), none)).toEqual([]);
  });

  it('reads every message of a container; ignores groups, channels, edits and deletions', () => {
    const container = new Api.Updates({
      updates: [
        new Api.UpdateNewMessage({ message: message({ id: 60 }), pts: 5, ptsCount: 1 }),
        new Api.UpdateNewMessage({ message: message({ id: 61, peerId: new Api.PeerChat({ chatId: bigInt(9) }) }), pts: 6, ptsCount: 1 }),
        new Api.UpdateNewMessage({ message: message({ id: 62, peerId: new Api.PeerChannel({ channelId: bigInt(9) }) }), pts: 7, ptsCount: 1 }),
        new Api.UpdateEditMessage({ message: message({ id: 60, message: 'edited' }), pts: 8, ptsCount: 1 }),
        new Api.UpdateDeleteMessages({ messages: [60], pts: 9, ptsCount: 1 }),
      ],
      users: [],
      chats: [],
      date: DATE,
      seq: 1,
    });
    expect(classifyUpdate(container, none).map((e) => e.messageId)).toEqual([60]);
    expect(classifyUpdate(container, { ...none, allowChat: (id) => id === '-9' }).map((e) => [e.chatId, e.messageId])).toEqual([
      ['555', 60],
      ['-9', 61],
    ]);
  });

  it("Telegram's service account (login codes) and bots are never clients, unless a bot is allowed", () => {
    const code = new Api.UpdateShortMessage({ id: 70, userId: bigInt(777000), message: 'Login code: 12345', pts: 10, ptsCount: 1, date: DATE, out: false });
    expect(classifyUpdate(code, { ...none, allowChat: () => true })).toEqual([]);
    const fromBot = new Api.UpdateShortMessage({ id: 71, userId: bigInt(888), message: 'hi', pts: 11, ptsCount: 1, date: DATE, out: false });
    const isBot = (id: string) => id === '888';
    expect(classifyUpdate(fromBot, { ...none, isBot })).toEqual([]);
    expect(classifyUpdate(fromBot, { ...none, isBot, allowChat: (id) => id === '888' })).toHaveLength(1);
  });

  it('an own send is recognised by its text too, for a send whose message id was never learnt', () => {
    const typed = new Api.UpdateNewMessage({ message: message({ id: 80, out: true, message: 'Добрый день!' }), pts: 12, ptsCount: 1 });
    const seen: unknown[] = [];
    classifyUpdate(typed, { isOwnSend: (...args) => (seen.push(args), true) });
    expect(seen).toEqual([['555', 80, 'Добрый день!']]);
  });

  it('media and stickers become a placeholder, so the client is still seen to have written', () => {
    const sticker = new Api.MessageMediaDocument({
      document: new Api.Document({
        id: bigInt(1), accessHash: bigInt(2), fileReference: Buffer.from([]), date: DATE, mimeType: 'image/webp', size: bigInt(10), dcId: 1,
        attributes: [new Api.DocumentAttributeSticker({ alt: '👍', stickerset: new Api.InputStickerSetEmpty() })],
      }),
    });
    const texts = [
      message({ message: '', media: new Api.MessageMediaPhoto({}) }),
      message({ message: '', media: sticker }),
      message({ message: '', media: new Api.MessageMediaContact({ phoneNumber: '+1', firstName: 'A', lastName: '', vcard: '', userId: bigInt(1) }) }),
    ].map((m) => classifyUpdate(new Api.UpdateNewMessage({ message: m, pts: 1, ptsCount: 1 }), none)[0]?.text);
    expect(texts).toEqual(['[photo]', '[sticker]', '[contact]']);
  });
});
