import { describe, expect, it } from 'vitest';
import type { BrainInput } from './brain.js';
import { detectLanguage } from './language.js';
import { createRuleBrain } from './rule-brain.js';
import { askWhenText, followUpText } from './texts.js';

const brain = createRuleBrain({ defaultHour: 10 });
const at = new Date('2026-11-18T07:20:00.000Z'); // Wednesday 15:20 in Asia/Makassar

const input = (text: string, over: Partial<BrainInput> = {}): BrainInput => ({
  chatId: '100',
  history: [],
  message: { messageId: 7, text, at },
  now: new Date(at.getTime() + 5000),
  timeZone: 'Asia/Makassar',
  language: detectLanguage(text) ?? 'en',
  optedOut: false,
  ...over,
});

describe('rule brain', () => {
  it.each([
    ['напиши через 2 часа', '2026-11-18T09:20:00.000Z', 'Хорошо, напишу вам сегодня в 17:20'],
    ['Свяжитесь со мной завтра утром, пожалуйста', '2026-11-19T02:00:00.000Z', 'Хорошо, напишу вам завтра в 10:00'],
    ['напомните в пятницу', '2026-11-20T02:00:00.000Z', 'Хорошо, напишу вам в пятницу, 20 ноября, в 10:00'],
    ['позвоните во вторник в 15:00', '2026-11-24T07:00:00.000Z', 'Хорошо, напишу вам во вторник, 24 ноября, в 15:00'],
    ['черкните через недельку', '2026-11-25T02:00:00.000Z', 'Хорошо, напишу вам в среду, 25 ноября, в 10:00'],
    ['Can you ping me in 2 hours?', '2026-11-18T09:20:00.000Z', "Sure, I'll write to you today at 17:20"],
    ['write to me tomorrow', '2026-11-19T02:00:00.000Z', "Sure, I'll write to you tomorrow at 10:00"],
    ['remind me next Monday 3pm', '2026-11-23T07:00:00.000Z', "Sure, I'll write to you on Monday, 23 November at 15:00"],
  ])('"%s" → follow-up at %s, confirmed as "%s"', async (text, dueAt, confirmation) => {
    const decision = await brain.decide(input(text));
    expect(decision.schedule).toHaveLength(1);
    expect(decision.schedule?.[0]?.at.toISOString()).toBe(dueAt);
    expect(decision.schedule?.[0]?.reason).toBe(text);
    expect(decision.schedule?.[0]?.text).toBe(followUpText[detectLanguage(text) ?? 'en']);
    expect(decision.replies).toEqual([confirmation]);
  });

  it.each(['спасибо', 'а скидка будет?', 'вчера смотрел', 'снять дом на две недели', 'напиши мне, сколько стоит снять дом на две недели', 'thanks!', 'я напишу вам завтра', "I'll call you tomorrow", 'не пишите мне завтра'])(
    '"%s" → silence',
    async (text) => {
      expect(await brain.decide(input(text))).toEqual({});
    },
  );

  it('asks when, in the client\'s language, if they want to be contacted later but say no time it understands', async () => {
    expect(await brain.decide(input('напишите попозже'))).toEqual({ replies: [askWhenText.ru] });
    expect(await brain.decide(input('call me later please'))).toEqual({ replies: [askWhenText.en] });
  });

  it('takes an answer to its own "when?" as the request', async () => {
    const history = [
      { role: 'client' as const, text: 'напишите попозже', at, messageId: 6 },
      { role: 'bot' as const, text: askWhenText.ru, at, messageId: 6 },
    ];
    const decision = await brain.decide(input('завтра вечером', { history }));
    expect(decision.schedule?.[0]?.at.toISOString()).toBe('2026-11-19T11:00:00.000Z');
    expect(decision.replies).toEqual(['Хорошо, напишу вам завтра в 19:00']);
    // Without that question, the same words are just words.
    expect(await brain.decide(input('завтра вечером'))).toEqual({});
  });

  it('resolves from the moment the client wrote, not from when the agent got to the message', async () => {
    const late = await brain.decide(input('напиши через 2 минуты', { now: new Date(at.getTime() + 3_600_000) }));
    expect(late.schedule?.[0]?.at.toISOString()).toBe('2026-11-18T07:22:00.000Z');
  });

  it('schedules nothing for an opted-out client answering its old "when?"', async () => {
    const history = [{ role: 'bot' as const, text: askWhenText.ru, at, messageId: 6 }];
    expect(await brain.decide(input('завтра вечером', { history, optedOut: true }))).toEqual({});
  });

  it('confirms in the chat\'s own zone', async () => {
    const decision = await brain.decide(input('напиши завтра в 9:30', { timeZone: 'Europe/Berlin' }));
    expect(decision.schedule?.[0]?.at.toISOString()).toBe('2026-11-19T08:30:00.000Z');
    expect(decision.replies).toEqual(['Хорошо, напишу вам завтра в 9:30']);
  });
});
