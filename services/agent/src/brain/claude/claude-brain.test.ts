import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captureLog, fakeReply, startFakeMessagesApi, toolResults, toolResultText, type FakeBlock, type FakeMessagesApi, type RecordedRequest, type CapturedLog } from '@followups/kit/testing';
import { createClaudeBrain } from './claude-brain.js';
import { createClaudeClient } from './client.js';
import { sendingPolicy } from '@followups/manners';
import { AT, brainInput } from '../testing.js';

/** The Claude brain with the real SDK against the local Messages API. AT is Wednesday 2026-11-18 15:20 in Asia/Makassar. */
let api: FakeMessagesApi;
let capture: CapturedLog;
beforeAll(async () => {
  api = await startFakeMessagesApi();
});
afterAll(async () => api?.close());
beforeEach(() => {
  api.reset();
  capture = captureLog();
});

const PROMPT = 'You are a test sales assistant.';
const brain = () =>
  createClaudeBrain({
    client: createClaudeClient({ apiKey: 'test-key', baseURL: api.url, timeoutMs: 2000, maxRetries: 0 }, capture.log),
    model: 'claude-sonnet-5-5',
    maxTokens: 4096,
    systemPrompt: PROMPT,
    defaultHour: 10,
    log: capture.log,
  });
let calls = 0;
const scheduleCall = (over: Record<string, unknown> = {}): FakeBlock => ({
  type: 'tool_use',
  id: `toolu_test_${++calls}`,
  name: 'schedule_followup',
  input: { client_words: 'в пятницу', due_at_local: '2026-11-20T10:00', text: 'Добрый день! Вернёмся к вилле?', reason: 'asked for Friday', ...over },
});
const schedule = (over: Record<string, unknown> = {}) => fakeReply.message([scheduleCall(over)]);
const FRIDAY_10 = new Date('2026-11-20T02:00:00.000Z');
const result = (r: RecordedRequest | undefined) => {
  const [block] = toolResults(r!);
  return { block, text: block ? toolResultText(block) : '', json: () => JSON.parse(toolResultText(block!)) as Record<string, string> };
};

describe('Claude brain', () => {
  it('turns a plain answer into a reply; the request carries the cached prompt and tools, and the local time uncached', async () => {
    api.enqueue(fakeReply.text('Здравствуйте! Чем помочь?'));
    const history = [
      { role: 'bot' as const, text: 'trimmed reply', at: AT, messageId: 1 },
      { role: 'client' as const, text: 'привет', at: AT, messageId: 2 },
      { role: 'bot' as const, text: 'Здравствуйте!', at: AT, messageId: 2 },
    ];
    expect(await brain().decide(brainInput('сколько стоит вилла?', { history, message: { messageId: 7, text: 'сколько стоит вилла?', at: AT, fromName: 'Иван' } }))).toEqual({
      replies: ['Здравствуйте! Чем помочь?'],
    });

    const { body } = api.requests[0]!;
    expect(body).toMatchObject({ model: 'claude-sonnet-5-5', max_tokens: 4096, tool_choice: { type: 'auto' } });
    const system = body.system as { text: string; cache_control?: unknown }[];
    expect(system[0]).toEqual({ type: 'text', text: PROMPT, cache_control: { type: 'ephemeral' } });
    expect(system[1]?.cache_control).toBeUndefined();
    expect(system[1]?.text).toContain("Client's local time now: Wednesday, 18 November 2026, 15:20 (2026-11-18T15:20), time zone Asia/Makassar (UTC+08:00).");
    expect(system[1]?.text).toContain('Answer in Russian.');
    expect(system[1]?.text).toContain('Иван');
    expect(body.tools?.map((t) => t.name)).toEqual(['schedule_followup', 'schedule_call', 'hand_off_to_human', 'set_time_zone', 'cancel_followups', 'note_opt_out', 'book_meeting', 'cancel_meeting']);
    expect(body.tools?.map((t) => t.cache_control)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined, { type: 'ephemeral' }]);
    expect(body.tools?.[0]?.input_schema).toMatchObject({
      type: 'object',
      required: ['client_words', 'due_at_local', 'text', 'reason'],
      properties: { due_at_local: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$' } },
    });
    expect(body.messages).toEqual([
      { role: 'user', content: 'привет' },
      { role: 'assistant', content: 'Здравствуйте!' },
      { role: 'user', content: 'сколько стоит вилла?' },
    ]);
  });

  it('schedules through the tool and confirms the time it was told was stored', async () => {
    api.enqueue(schedule(), fakeReply.text('Хорошо, напишу вам в пятницу, 20 ноября, в 10:00.'));
    const decision = await brain().decide(brainInput('напишите в пятницу'));
    expect(decision).toEqual({
      replies: ['Хорошо, напишу вам в пятницу, 20 ноября, в 10:00.'],
      schedule: [{ type: 'follow_up', at: FRIDAY_10, text: 'Добрый день! Вернёмся к вилле?', reason: 'asked for Friday (client: "в пятницу")' }],
    });
    expect(api.requests).toHaveLength(2);
    const second = api.requests[1]!.body;
    expect(second.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    const toolUse = (second.messages[1]!.content as { type: string; id?: string }[])[0]!;
    const { block, json } = result(api.requests[1]);
    expect(block).toMatchObject({ type: 'tool_result', tool_use_id: toolUse.id });
    expect(block?.is_error).toBeUndefined();
    expect(json()).toMatchObject({ status: 'scheduled', due_at_local: '2026-11-20T10:00', time_zone: 'Asia/Makassar', client_local_time: 'пятница, 20 ноября 2026, 10:00', in_words: 'в пятницу, 20 ноября, в 10:00' });
  });

  it('moves a follow-up into the send window and tells Claude the time to confirm; a call stays where the client put it', async () => {
    const weekdays = sendingPolicy({ sendWindow: { from: '09:00', to: '21:00', days: 'mon-fri' }, holidays: { country: null, fromChatZone: false }, limits: { maxDaysAhead: 365 } });
    api.enqueue(schedule({ client_words: 'в субботу', due_at_local: '2026-11-21T10:00' }), fakeReply.text('Хорошо, напишу вам в понедельник в 10:00.'));
    const decision = await brain().decide(brainInput('напишите в субботу', { sending: weekdays }));
    expect(decision.schedule?.map((s) => s.at)).toEqual([new Date('2026-11-23T02:00:00.000Z')]);
    expect(result(api.requests[1]).json()).toMatchObject({ due_at_local: '2026-11-23T10:00', moved: expect.stringMatching(/^2026-11-21T10:00 is outside the hours the bot writes to clients; moved to the next opening/) });

    api.enqueue(
      fakeReply.message([{ type: 'tool_use', id: 'toolu_call_sat', name: 'schedule_call', input: { client_words: 'в субботу в 11', due_at_local: '2026-11-21T11:00', note: 'обсудить виллу', reason: 'asked for a call' } }]),
      fakeReply.text('Наберём в субботу в 11:00.'),
    );
    const call = await brain().decide(brainInput('позвоните в субботу в 11', { sending: weekdays }));
    expect(call.schedule?.map((s) => [s.type, s.at])).toEqual([['call', new Date('2026-11-21T03:00:00.000Z')]]);
  });

  it('books a meeting at the time the client\'s words give, not moved into the send window, and confirms it', async () => {
    api.enqueue(
      fakeReply.message([{ type: 'tool_use', id: 'toolu_meet_1', name: 'book_meeting', input: { client_words: 'в пятницу в 20:00', meeting_at_local: '2026-11-20T20:00', title: 'Звонок по вилле' } }]),
      fakeReply.text('Договорились: созвон в пятницу в 20:00, я напомню.'),
    );
    const decision = await brain().decide(brainInput('давайте созвонимся в пятницу в 20:00'));
    expect(decision.meeting).toEqual({ at: new Date('2026-11-20T12:00:00.000Z'), title: 'Звонок по вилле' });
    expect(decision.schedule).toBeUndefined();
    expect(result(api.requests[1]).json()).toMatchObject({ status: 'booked', meeting_at_local: '2026-11-20T20:00' });
  });

  it('handles text, thinking and tool_use in one response: sends them back as they came, replies with the final text', async () => {
    api.enqueue(
      fakeReply.message([{ type: 'thinking', thinking: '', signature: 'sig-1' }, { type: 'text', text: 'Отлично, запланирую!' }, scheduleCall()]),
      fakeReply.text('Готово: напишу в пятницу в 10:00.'),
    );
    const decision = await brain().decide(brainInput('напишите в пятницу'));
    expect(decision.replies).toEqual(['Готово: напишу в пятницу в 10:00.']);
    expect(decision.schedule?.map((s) => s.at)).toEqual([FRIDAY_10]);
    const assistant = api.requests[1]!.body.messages[1]!.content as { type: string }[];
    expect(assistant.map((b) => b.type)).toEqual(['thinking', 'text', 'tool_use']);
    expect(assistant[0]).toEqual({ type: 'thinking', thinking: '', signature: 'sig-1' });
  });

  it('answers malformed tool input with is_error naming the fields; the corrected call succeeds', async () => {
    api.enqueue(schedule({ due_at_local: 'next Friday', text: undefined }), schedule(), fakeReply.text('Напишу в пятницу в 10:00.'));
    const decision = await brain().decide(brainInput('напишите в пятницу'));
    const refused = result(api.requests[1]);
    expect(refused.block?.is_error).toBe(true);
    expect(refused.text).toMatch(/^Invalid input\. /);
    expect(refused.text).toContain('due_at_local: must be YYYY-MM-DDTHH:mm');
    expect(refused.text).toContain('text: Invalid input');
    expect(result(api.requests[2]).block?.is_error).toBeUndefined();
    expect(decision.schedule?.map((s) => s.at)).toEqual([FRIDAY_10]);
    expect(decision.replies).toEqual(['Напишу в пятницу в 10:00.']);
  });

  it('refuses a time in the past with is_error and schedules nothing', async () => {
    api.enqueue(schedule({ client_words: 'как-нибудь', due_at_local: '2026-11-17T10:00' }), fakeReply.text('Когда вам удобно, чтобы я написал?'));
    const decision = await brain().decide(brainInput('напишите как-нибудь'));
    expect(result(api.requests[1]).block?.is_error).toBe(true);
    expect(result(api.requests[1]).text).toContain("not in the future; the client's local time now is 2026-11-18T15:20");
    expect(decision).toEqual({ replies: ['Когда вам удобно, чтобы я написал?'] });
  });

  it("stores the resolver's time when Claude disagrees with the client's words, and logs both instants without the text", async () => {
    api.enqueue(schedule({ client_words: 'через 2 часа', due_at_local: '2026-11-18T18:00' }), fakeReply.text('Напишу в 17:20.'));
    const decision = await brain().decide(brainInput('Напишите через 2 часа, пожалуйста'));
    expect(decision.schedule?.map((s) => s.at)).toEqual([new Date('2026-11-18T09:20:00.000Z')]);
    expect(result(api.requests[1]).json()).toMatchObject({ due_at_local: '2026-11-18T17:20', note: expect.stringContaining('2026-11-18T18:00') });
    const warning = capture.lines().find((l) => l.level === 40);
    expect(warning).toMatchObject({ proposedAt: '2026-11-18T10:00:00.000Z', storedAt: '2026-11-18T09:20:00.000Z', from: 'client_words', chatId: '42', messageId: 7 });
    expect(JSON.stringify(warning)).not.toMatch(/через|пожалуйста/);
  });

  it('cancel_followups cancels what was scheduled before it, this turn included', async () => {
    api.enqueue(schedule(), fakeReply.toolUse('cancel_followups', { reason: 'client called it off' }), fakeReply.text('Хорошо, отменил.'));
    // Earlier follow-ups only: what this message schedules after the cancel stands.
    expect(await brain().decide(brainInput('нет, не надо писать'))).toEqual({ replies: ['Хорошо, отменил.'], cancelEarlier: { reason: 'cancelled_by_agent' } });
    expect(result(api.requests[2]).block?.is_error).toBeUndefined();
  });

  it('note_opt_out cancels everything, remembers it, and refuses a schedule after it', async () => {
    api.enqueue(fakeReply.toolUse('note_opt_out', { reason: 'asked not to write' }), schedule(), fakeReply.text('Поняла, больше не побеспокою.'));
    expect(await brain().decide(brainInput('больше не пишите мне'))).toEqual({
      replies: ['Поняла, больше не побеспокою.'],
      cancelAll: { reason: 'client_opted_out' },
      optOut: true,
    });
    expect(result(api.requests[2]).block?.is_error).toBe(true);
    expect(result(api.requests[2]).text).toContain('asked not to be contacted');
  });

  it('caps the rounds: the last request forbids tools, and a stored follow-up is confirmed even without words', async () => {
    api.handle(() => schedule());
    const decision = await brain().decide(brainInput('напишите в пятницу'));
    expect(api.requests.map((r) => r.body.tool_choice?.type)).toEqual(['auto', 'auto', 'auto', 'none']);
    expect(decision.schedule).toHaveLength(1); // the same time asked for again is stored once
    expect(decision.replies).toEqual(['Хорошо, напишу вам в пятницу, 20 ноября, в 10:00']);
  });

  it('schedule_call stores a call for the team, checked like a follow-up, and confirms it as a call', async () => {
    api.enqueue(fakeReply.toolUse('schedule_call', { client_words: 'завтра в 11', due_at_local: '2026-11-19T11:00', note: 'wants to discuss the villa', reason: 'asked for a call' }));
    api.enqueue(fakeReply.text(''));
    const decision = await brain().decide(brainInput('наберите завтра в 11'));
    expect(decision.schedule).toEqual([{ type: 'call', at: new Date('2026-11-19T03:00:00.000Z'), text: 'wants to discuss the villa', reason: 'asked for a call (client: "завтра в 11")' }]);
    expect(decision.replies).toEqual(['Хорошо, наберём вам завтра в 11:00']);
    expect(result(api.requests[1]).json().instruction).toContain('a colleague will call');
  });

  it('hand_off_to_human becomes an attention request with the summary', async () => {
    api.enqueue(fakeReply.toolUse('hand_off_to_human', { reason: 'question', summary: 'asks the price for December' }), fakeReply.text('Уточню у коллеги, он ответит здесь.'));
    expect(await brain().decide(brainInput('сколько стоит в декабре?'))).toEqual({
      replies: ['Уточню у коллеги, он ответит здесь.'],
      attention: { reason: 'question', suggested: 'asks the price for December' },
    });
    expect(result(api.requests[1]).block?.is_error).toBeUndefined();
  });

  it('set_time_zone moves the client to their zone; later times in the turn are read in it and the zone is named', async () => {
    api.enqueue(
      fakeReply.toolUse('set_time_zone', { place: 'Москва' }),
      fakeReply.toolUse('schedule_followup', { client_words: 'завтра в 10', due_at_local: '2026-11-19T10:00', text: 'Добрый день!', reason: 'asked' }),
      fakeReply.text(''),
    );
    const decision = await brain().decide(brainInput('я живу в столице, напишите завтра в 10'));
    expect(result(api.requests[1]).json()).toMatchObject({ status: 'time zone set', time_zone: 'Europe/Moscow' });
    expect(decision.timeZone).toBe('Europe/Moscow');
    expect(decision.schedule?.map((s) => s.at)).toEqual([new Date('2026-11-19T07:00:00.000Z')]);
    expect(decision.replies).toEqual(['Хорошо, напишу вам завтра в 10:00 по московскому времени']);
  });

  it('set_time_zone refuses a place it cannot map to one zone', async () => {
    api.enqueue(fakeReply.toolUse('set_time_zone', { place: 'Narnia' }), fakeReply.text('В каком вы городе?'));
    const decision = await brain().decide(brainInput('я в Нарнии'));
    expect(result(api.requests[1])).toMatchObject({ block: { is_error: true }, text: expect.stringContaining('Refused') });
    expect(decision.timeZone).toBeUndefined();
  });

  it('answers an unknown tool with is_error', async () => {
    api.enqueue(fakeReply.toolUse('book_villa', { id: 1 }), fakeReply.text('Сейчас уточню.'));
    expect(await brain().decide(brainInput('забронируйте'))).toEqual({ replies: ['Сейчас уточню.'] });
    expect(result(api.requests[1])).toMatchObject({ block: { is_error: true }, text: 'Unknown tool book_villa.' });
  });
});
