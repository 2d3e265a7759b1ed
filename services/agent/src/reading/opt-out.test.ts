import { describe, expect, it } from 'vitest';
import { isOptOut } from './opt-out.js';

const AT = new Date('2026-11-18T07:20:00.000Z');
const optOut = (text: string) => isOptOut(text, AT, 'Asia/Makassar');

describe('opt-out', () => {
  it.each([
    'не пишите мне больше',
    'больше не пишите',
    'Больше НЕ ПИШИТЕ!!!',
    'отпишитесь от меня, пожалуйста',
    'отпишите меня',
    'stop',
    'STOP',
    'Stop.',
    'стоп',
    'Стоп!',
    'хватит',
    'не беспокойте',
    'не беспокойте меня больше',
    'Пожалуйста, не беспокойте',
    'удалите мой номер',
    'удалите мой номер из базы',
    'уберите меня из рассылки',
    'исключите меня из списка',
    'отпешитесь от меня', // typo
    'атпишитесь', // typo
    'не пешите мне больше', // typo in the verb: "пешите" is one edit away? (short words are exact; a removal word catches the rest)
    'не надо мне больше писать',
    'не нужно мне писать',
    'можете больше не писать',
    'хватит мне писать',
    'перестаньте писать',
    'прекратите мне названивать и писать',
    'мне не интересно, не пишите',
    'Не интересно. Не беспокойте больше',
    'прошу больше не присылать сообщения',
    'не хочу получать ваши сообщения',
    'не хочу, чтобы мне писали',
    'прекратите рассылку',
    'это спам, отстаньте',
    'как отписаться от рассылки?',
    'unsubscribe',
    'Unsubscribe me please',
    'unsubcribe', // typo
    'stop messaging me',
    'Please stop texting me',
    "don't message me again",
    'Do not contact me',
    'never contact me again',
    'remove me from your list',
    'take me off your list',
    'delete my number',
    'leave me alone',
    'no more messages please',
    "I don't want any more messages",
    'not interested, stop writing to me',
    'opt out',
    "don't text me anymore",
    'не пишите мне больше никогда, даже завтра',
  ])('"%s" opts out', (text) => {
    expect(optOut(text)).toBe(true);
  });

  it.each([
    'не надо отписываться',
    'не хочу отписываться',
    "don't stop",
    "please don't unsubscribe me",
    'не удаляйте мой номер',
    'не пишите мне завтра',
    'не пишите мне завтра, лучше в пятницу',
    "don't text me today, tomorrow is better",
    'почему вы не пишете?',
    'почему вы мне не звоните?',
    'why don’t you text me?',
    'я не могу остановиться',
    "I can't stop thinking about the villa",
    'stop by the office tomorrow',
    'напишите мне завтра',
    'спасибо',
    'не интересно',
    'стоп, а сколько стоит?',
    'пишите, не стесняйтесь',
    'не стесняйтесь, пишите',
    'я вам напишу сам',
  ])('"%s" does not', (text) => {
    expect(optOut(text)).toBe(false);
  });
});

describe('"отпишитесь" is read by what follows it', () => {
  it.each([
    ['отпишитесь', true],
    ['Отпишитесь!', true],
    ['отпишитесь от меня', true],
    ['отпишитесь, как будет информация', false],
    ['отпишитесь завтра по итогам', false],
  ])('"%s" → %s', (text, expected) => {
    expect(optOut(text)).toBe(expected);
  });
});
