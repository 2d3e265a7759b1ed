import { describe, expect, it } from 'vitest';
import type { BrainInput, Decision } from './brain.js';
import { createRuleBrain } from './rule-brain.js';
import { sendingPolicy } from '@followups/manners';
import { brainInput, AT } from './testing.js';
import {
  askWhenCallText,
  askWhenText,
  callSoonText,
  clarifyWhenText,
  complaintHandedOverText,
  courtesyText,
  followUpText,
  greetingText,
  questionHandedOverText,
} from './texts.js';

/** Wednesday 2026-11-18 15:20 in Asia/Makassar (AT). */
const brain = createRuleBrain({ defaultHour: 10 });
const decide = (text: string, over: Partial<BrainInput> = {}) => brain.decide(brainInput(text, over));
const bot = (text: string) => ({ role: 'bot' as const, text, at: AT, messageId: 6 });
const scheduled = (d: Decision) => d.schedule?.map((s) => [s.type, s.at.toISOString()]);

describe('rule brain: asked to write at a time', () => {
  it.each([
    ['напиши через 2 часа', '2026-11-18T09:20:00.000Z', 'Хорошо, напишу вам сегодня в 17:20'],
    ['Свяжитесь со мной завтра утром, пожалуйста', '2026-11-19T02:00:00.000Z', 'Хорошо, напишу вам завтра в 10:00'],
    ['напомните в пятницу', '2026-11-20T02:00:00.000Z', 'Хорошо, напишу вам в пятницу, 20 ноября, в 10:00'],
    ['черкните через недельку', '2026-11-25T02:00:00.000Z', 'Хорошо, напишу вам в среду, 25 ноября, в 10:00'],
    ['Can you ping me in 2 hours?', '2026-11-18T09:20:00.000Z', "Sure, I'll write to you today at 17:20"],
    ['write to me tomorrow', '2026-11-19T02:00:00.000Z', "Sure, I'll write to you tomorrow at 10:00"],
    ['remind me next Monday 3pm', '2026-11-23T07:00:00.000Z', "Sure, I'll write to you on Monday, 23 November at 15:00"],
  ])('"%s" → a follow-up at %s, confirmed "%s"', async (text, dueAt, confirmation) => {
    const d = await decide(text);
    expect(scheduled(d)).toEqual([['follow_up', dueAt]]);
    expect(d.schedule?.[0]).toMatchObject({ reason: text, text: followUpText[/\p{Script=Cyrillic}/u.test(text) ? 'ru' : 'en'] });
    expect(d.replies).toEqual([confirmation]);
    // Anything scheduled before this message is replaced, never what this message schedules.
    expect(d.cancelEarlier).toEqual({ reason: 'rescheduled', types: ['follow_up'] });
  });
});

describe('rule brain: sending manners', () => {
  // The team's defaults with weekdays only: 09:00–21:00 Monday to Friday, holidays by the chat zone's country.
  const manners = sendingPolicy({ sendWindow: { from: '09:00', to: '21:00', days: 'mon-fri' }, holidays: { country: 'ID', fromChatZone: true }, limits: { maxDaysAhead: 365 } });

  it.each([
    // Wednesday 15:20: "in 7 hours" is 22:20, after closing → Thursday 09:00.
    ['напишите через 7 часов', '2026-11-19T01:00:00.000Z', 'Хорошо, напишу вам завтра в 9:00'],
    // A day named that the window keeps closed keeps the default hour on the next open day.
    ['напишите в субботу', '2026-11-23T02:00:00.000Z', 'Хорошо, напишу вам в понедельник, 23 ноября, в 10:00'],
    ['write to me on Sunday at 11', '2026-11-23T01:00:00.000Z', "Sure, I'll write to you on Monday, 23 November at 9:00"],
  ])('"%s" → moved to %s and confirmed as "%s"', async (text, dueAt, confirmation) => {
    const d = await decide(text, { sending: manners });
    expect(scheduled(d)).toEqual([['follow_up', dueAt]]);
    expect(d.replies).toEqual([confirmation]);
  });

  it("moves a named day off a public holiday of the chat's country, but not a time the client named", async () => {
    // Christmas Day is a public holiday in Indonesia (Asia/Makassar); 25 December 2026 is a Friday.
    const onChristmas = await decide('напишите 25 декабря', { sending: manners });
    expect(scheduled(onChristmas)).toEqual([['follow_up', '2026-12-28T02:00:00.000Z']]);
    expect(onChristmas.replies?.[0]).toMatch(/28 декабря, в 10:00/);
    const exact = await decide('напишите 25 декабря в 15:00', { sending: manners });
    expect(scheduled(exact)).toEqual([['follow_up', '2026-12-25T07:00:00.000Z']]);
  });

  it('a call is the team\'s to make when the client asked: not moved', async () => {
    const d = await decide('позвоните в субботу в 11', { sending: manners });
    expect(scheduled(d)).toEqual([['call', '2026-11-21T03:00:00.000Z']]);
  });
});

describe('rule brain: a message whose point is a time is a request', () => {
  it.each([
    ['давайте через недельку', '2026-11-25T02:00:00.000Z'],
    ['ок, через неделю', '2026-11-25T02:00:00.000Z'],
    ['можно через пару дней?', '2026-11-20T02:00:00.000Z'],
    ['давайте на следующей неделе', '2026-11-23T02:00:00.000Z'],
    ['Ну давайте в четверг тогда', '2026-11-19T02:00:00.000Z'],
    ['сейчас неудобно, давайте через неделю', '2026-11-25T02:00:00.000Z'],
    ['лучше завтра вечером', '2026-11-19T11:00:00.000Z'],
    ['next week then', '2026-11-23T02:00:00.000Z'],
    ['ok, Monday', '2026-11-23T02:00:00.000Z'],
    ['how about Friday afternoon?', '2026-11-20T07:00:00.000Z'],
    ['не пишите мне завтра, лучше в пятницу', '2026-11-20T02:00:00.000Z'],
    ["let's do next Tuesday, I'm travelling until then", '2026-11-24T02:00:00.000Z'],
  ])('"%s" → a follow-up at %s', async (text, dueAt) => {
    const d = await decide(text);
    expect(scheduled(d)).toEqual([['follow_up', dueAt]]);
    expect(d.replies).toHaveLength(1);
  });

  it.each([
    ['в понедельник, сегодня уже не успею', '2026-11-23T02:00:00.000Z'],
    ['не звоните, лучше напишите в четверг', '2026-11-19T02:00:00.000Z'],
    ["not this week, Monday works", '2026-11-23T02:00:00.000Z'],
  ])('a clause that is only a time, or a refusal of one channel beside a request, schedules: "%s"', async (text, dueAt) => {
    expect(scheduled(await decide(text))).toEqual([['follow_up', dueAt]]);
  });

  it('a time mentioned in passing is not a request: a human decides, with the time suggested', async () => {
    const d = await decide('мы приедем 15 декабря');
    expect(d.schedule).toBeUndefined();
    expect(d.attention).toEqual({ reason: 'unclear', suggested: 'the client mentions 2026-12-15 10:00 Asia/Makassar; write then?' });
  });
});

describe('rule brain: asked without a time', () => {
  it.each([
    ['напишите мне', askWhenText.ru],
    ['напишите после праздников', askWhenText.ru],
    ['напишите попозже', askWhenText.ru],
    ['get back to me', askWhenText.en],
    ['write to me after the holidays', askWhenText.en],
  ])('"%s" → asks when', async (text, question) => {
    expect(await decide(text)).toEqual({ replies: [question] });
  });

  it('takes the answer to its "when?" as the request, and hands over an answer it cannot place', async () => {
    const history = [bot(askWhenText.ru)];
    const d = await decide('завтра вечером', { history });
    expect(scheduled(d)).toEqual([['follow_up', '2026-11-19T11:00:00.000Z']]);
    expect(d.replies).toEqual(['Хорошо, напишу вам завтра в 19:00']);

    const unclear = await decide('как получится', { history });
    expect(unclear).toEqual({ attention: { reason: 'not_understood_time', suggested: 'agree a time to write' }, replies: [clarifyWhenText.ru] });
    // Asked again with examples, the next answer schedules too.
    expect(scheduled(await decide('в понедельник в 11', { history: [bot(clarifyWhenText.ru)] }))).toEqual([['follow_up', '2026-11-23T03:00:00.000Z']]);
  });
});

describe('rule brain: calls go to the team', () => {
  it.each([
    ['наберите завтра в 11', '2026-11-19T03:00:00.000Z', 'Хорошо, наберём вам завтра в 11:00'],
    ['давайте созвонимся в четверг в 15:00', '2026-11-19T07:00:00.000Z', 'Хорошо, наберём вам завтра в 15:00'],
    ['позвоните во вторник в 15:00', '2026-11-24T07:00:00.000Z', 'Хорошо, наберём вам во вторник, 24 ноября, в 15:00'],
    ['call me tomorrow at 3pm', '2026-11-19T07:00:00.000Z', "Sure, we'll call you tomorrow at 15:00"],
    ['can you give me a call on Friday morning?', '2026-11-20T02:00:00.000Z', "Sure, we'll call you on Friday, 20 November at 10:00"],
  ])('"%s" → a call at %s, confirmed "%s"', async (text, dueAt, confirmation) => {
    const d = await decide(text);
    expect(scheduled(d)).toEqual([['call', dueAt]]);
    expect(d.schedule?.[0]?.text).toBe(text);
    expect(d.replies).toEqual([confirmation]);
    expect(d.cancelEarlier).toEqual({ reason: 'call_rescheduled', types: ['call'] });
  });

  it('asks when to call, hands a call asked for now to the team at once, and takes the answer', async () => {
    expect(await decide('перезвоните мне')).toEqual({ replies: [askWhenCallText.ru] });
    expect(await decide('позвоните мне срочно')).toEqual({ attention: { reason: 'call_request', suggested: 'call the client now' }, replies: [callSoonText.ru] });
    expect(scheduled(await decide('завтра в 12', { history: [bot(askWhenCallText.ru)] }))).toEqual([['call', '2026-11-19T04:00:00.000Z']]);
  });
});

describe('rule brain: what a bot should not answer goes to a human', () => {
  it.each([
    ['а сколько стоит?', 'question', questionHandedOverText.ru],
    ['Какие есть свободные даты в январе?', 'question', questionHandedOverText.ru],
    ['what is the price for 3 nights?', 'question', questionHandedOverText.en],
    ['Это ужасно, я недоволен сервисом', 'complaint', complaintHandedOverText.ru],
    ['это ужасно, верните деньги', 'complaint', complaintHandedOverText.ru],
    ['I want a refund', 'complaint', complaintHandedOverText.en],
  ])('"%s" → %s, and the client is told a person will answer', async (text, reason, reply) => {
    const d = await decide(text);
    expect(d.attention?.reason).toBe(reason);
    expect(d.replies).toEqual([reply]);
    expect(d.schedule).toBeUndefined();
  });

  it('a question beside a request: both the follow-up and a human', async () => {
    const d = await decide('Сколько стоит вилла? И напишите мне завтра');
    expect(scheduled(d)).toEqual([['follow_up', '2026-11-19T02:00:00.000Z']]);
    expect(d.attention?.reason).toBe('question');
  });

  it('anything else unclear is handed over without a reply', async () => {
    expect(await decide('ну посмотрим, вилла вроде ничего')).toEqual({ attention: { reason: 'unclear' } });
  });
});

describe('rule brain: small talk', () => {
  it('thanks with nothing pending gets a courtesy reply; with something pending, nothing (the agent keeps it)', async () => {
    expect(await decide('спасибо!')).toEqual({ replies: [courtesyText.ru] });
    expect(await decide('ок, спасибо', { pending: [{ type: 'follow_up', at: new Date('2026-11-20T02:00:00.000Z'), text: 'x' }] })).toEqual({});
    expect(await decide('👍', { language: 'en' })).toEqual({ replies: [courtesyText.en] });
    expect(await decide('cheers mate', { language: 'en' })).toEqual({ replies: [courtesyText.en] });
  });

  it('a greeting gets a greeting, even one that names a part of the day', async () => {
    expect(await decide('Здравствуйте!')).toEqual({ replies: [greetingText.ru] });
    expect(await decide('hi there')).toEqual({ replies: [greetingText.en] });
    expect(await decide('Добрый вечер!')).toEqual({ replies: [greetingText.ru] });
    expect(await decide('good morning :)')).toEqual({ replies: [greetingText.en] });
  });

  it.each(['с карты второй раз списали оплату', 'the app keeps crashing since the update', 'мастер так и не приехал, до сих пор не починили', 'you overcharged me'])(
    'a complaint in other words is still a complaint: "%s"',
    async (text) => {
      expect((await decide(text)).attention?.reason).toBe('complaint');
    },
  );

  it('a place with dates is not a zone statement: a human reads it', async () => {
    const d = await decide("we're in Bali from Jan 1 to Jan 10", { zoneStated: true, timeText: '              from Jan 1 to Jan 10' });
    expect(d.attention?.reason).toBe('unclear');
  });
});

describe('rule brain: time zones', () => {
  it('reads the time in the chat\'s zone and names the zone when it is not the team\'s', async () => {
    const d = await decide('напиши завтра в 10', { timeZone: 'Europe/Moscow' });
    expect(scheduled(d)).toEqual([['follow_up', '2026-11-19T07:00:00.000Z']]);
    expect(d.replies).toEqual(['Хорошо, напишу вам завтра в 10:00 по московскому времени']);
  });

  it('the zone alone is noted and said back', async () => {
    const d = await decide('я в Москве', { timeZone: 'Europe/Moscow', zoneStated: true, timeText: '          ' });
    expect(d.replies?.[0]).toContain('по московскому времени');
  });

  it('resolves from the moment the client wrote, not from when the agent got to the message', async () => {
    const late = await decide('напиши через 2 минуты', { now: new Date(AT.getTime() + 3_600_000) });
    expect(late.schedule?.[0]?.at.toISOString()).toBe('2026-11-18T07:22:00.000Z');
  });
});
