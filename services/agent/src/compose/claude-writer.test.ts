import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captureLog, fakeReply, startFakeMessagesApi, systemText, type FakeMessagesApi } from '@followups/kit/testing';
import { createClaudeClient } from '../brain/claude/client.js';
import { createClaudeWriter, usableText } from './claude-writer.js';
import type { ComposeInput } from './compose-request.js';

/** The follow-up writer with the real SDK against the local Messages API. */
let api: FakeMessagesApi;
beforeAll(async () => {
  api = await startFakeMessagesApi();
});
afterAll(async () => api?.close());
beforeEach(() => api.reset());

const { log } = captureLog();
const writer = () => createClaudeWriter({ client: createClaudeClient({ apiKey: 'test-key', baseURL: api.url, timeoutMs: 2000, maxRetries: 0 }, log), model: 'claude-sonnet-5-5', maxTokens: 1024, log });
const signal = () => AbortSignal.timeout(5000);

/** Friday 2026-11-20 19:00 in Asia/Makassar. */
const DUE = new Date('2026-11-20T11:00:00.000Z');
const input: ComposeInput = {
  chatId: '42',
  history: [
    { role: 'client', text: 'сколько стоит вилла у моря?', at: new Date('2026-11-13T07:20:00.000Z'), messageId: 1 },
    { role: 'bot', text: 'Передал коллеге, он ответит.', at: new Date('2026-11-13T07:20:05.000Z'), messageId: 1 },
    { role: 'client', text: 'напишите через неделю', at: new Date('2026-11-13T07:30:00.000Z'), messageId: 2 },
  ],
  dueAt: DUE,
  timeZone: 'Asia/Makassar',
  language: 'ru',
  reason: 'client asked: напишите через неделю',
  draft: 'Добрый день! Вы просили написать — удобно сейчас продолжить?',
};

describe('Claude follow-up writer', () => {
  it('asks once, with no tools, for the client-language message at the local due time, the conversation in one user turn', async () => {
    api.enqueue(fakeReply.text('Добрый вечер! Неделю назад вы спрашивали про виллу у моря — удобно продолжить?'));
    expect(await writer().write(input, signal())).toBe('Добрый вечер! Неделю назад вы спрашивали про виллу у моря — удобно продолжить?');

    expect(api.requests).toHaveLength(1);
    const { body } = api.requests[0]!;
    expect(body).toMatchObject({ model: 'claude-sonnet-5-5', max_tokens: 1024 });
    expect(body.tools).toBeUndefined();
    expect(body.tool_choice).toBeUndefined();
    const system = systemText(api.requests[0]!);
    expect(system).toContain('Friday, 20 November 2026, 19:00 (2026-11-20T19:00), time zone Asia/Makassar (UTC+08:00)');
    expect(system).toContain('Write in Russian.');
    expect(system).toContain('Why the follow-up was scheduled: client asked: напишите через неделю');
    expect(body.messages).toHaveLength(1);
    expect(body.messages[0]!.role).toBe('user');
    const turn = body.messages[0]!.content as string;
    expect(turn).toContain('[2026-11-13T15:20] Client: сколько стоит вилла у моря?\n[2026-11-13T15:20] You: Передал коллеге, он ответит.\n[2026-11-13T15:30] Client: напишите через неделю');
    expect(turn).toContain(input.draft);
    expect(turn.trim().endsWith('Write the follow-up message now.')).toBe(true);
  });

  it('says so when there is no history, in English for an English chat', async () => {
    api.enqueue(fakeReply.text('Hi again!'));
    await writer().write({ ...input, history: [], language: 'en', reason: '' }, signal());
    expect(systemText(api.requests[0]!)).toContain('Write in English.');
    expect(systemText(api.requests[0]!)).not.toContain('Why the follow-up');
    expect(api.requests[0]!.body.messages[0]!.content).toContain('(no messages kept)');
  });

  it('refuses a text cut off by max_tokens, an empty one, and an API error', async () => {
    api.enqueue(fakeReply.text('Добрый вечер! Неделю назад вы', 'max_tokens'));
    await expect(writer().write(input, signal())).rejects.toThrow(/max_tokens/);
    api.enqueue(fakeReply.text('   '));
    await expect(writer().write(input, signal())).rejects.toThrow(/no text/);
    api.enqueue(fakeReply.overloaded());
    await expect(writer().write(input, signal())).rejects.toThrow();
  });

  it('gives up when its signal ends, however long Claude would take', async () => {
    api.enqueue(fakeReply.hang());
    const started = Date.now();
    await expect(writer().write(input, AbortSignal.timeout(200))).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('usableText', () => {
  it('trims, and drops quotes wrapped around the whole message', () => {
    expect(usableText('  Добрый вечер!  ')).toBe('Добрый вечер!');
    expect(usableText('"Good evening! Shall we continue?"')).toBe('Good evening! Shall we continue?');
    expect(usableText('«Добрый вечер! Продолжим?»')).toBe('Добрый вечер! Продолжим?');
    // Quotes inside are the text's own.
    expect(usableText('«Вилла» ещё свободна — «Сад» уже нет')).toBe('«Вилла» ещё свободна — «Сад» уже нет');
  });

  it('refuses an empty text and one longer than a Telegram message', () => {
    expect(() => usableText('')).toThrow(/no text/);
    expect(() => usableText('""')).toThrow(/no text/);
    expect(() => usableText('а'.repeat(4097))).toThrow(/4097 characters/);
    expect(usableText('а'.repeat(4096))).toHaveLength(4096);
  });
});
