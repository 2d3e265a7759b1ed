import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captureLog, fakeReply, startFakeMessagesApi, type FakeMessagesApi, type CapturedLog } from '@followups/kit/testing';
import type { Brain } from './brain.js';
import { createClaudeBrain } from './claude/claude-brain.js';
import { createClaudeClient } from './claude/client.js';
import { brainInput } from './testing.js';
import { withFallback } from './fallback-brain.js';
import { createRuleBrain } from './rule-brain.js';

/** Claude unreachable in every way the SDK reports it: the rule brain answers, so no conversation is lost. */
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

const KEY = 'sk-ant-fallback-secret-1234';
const rule = createRuleBrain({ defaultHour: 10 });
const brain = (maxRetries = 1) => {
  const client = createClaudeClient({ apiKey: KEY, baseURL: api.url, timeoutMs: 200, maxRetries }, capture.log);
  const claude = createClaudeBrain({ client, model: 'claude-sonnet-5-5', maxTokens: 1024, systemPrompt: 'test', defaultHour: 10, log: capture.log });
  return withFallback(claude, rule, capture.log);
};
/** What the rule brain decides for "напиши через 2 часа" at 15:20 Makassar. */
const ruleDecision = {
  replies: ['Хорошо, напишу вам сегодня в 17:20'],
  schedule: [{ type: 'follow_up', at: new Date('2026-11-18T09:20:00.000Z'), text: expect.any(String), reason: 'напиши через 2 часа' }],
  cancelEarlier: { reason: 'rescheduled', types: ['follow_up'] },
};
const warnings = () => capture.lines().filter((l) => l.level === 40 && String(l.msg).includes('the rule brain answers'));

describe('Claude with the rule brain as fallback', () => {
  it("passes Claude's decision through when Claude answers", async () => {
    api.enqueue(fakeReply.text('Конечно!'));
    expect(await brain().decide(brainInput('напиши через 2 часа'))).toEqual({ replies: ['Конечно!'] });
    expect(warnings()).toEqual([]);
  });

  it('answers with the rule brain when Claude stays overloaded after the retries', async () => {
    api.handle(() => fakeReply.overloaded());
    expect(await brain().decide(brainInput('напиши через 2 часа'))).toEqual(ruleDecision);
    expect(api.requests).toHaveLength(2); // the SDK retried once before giving up
    expect(warnings()).toMatchObject([{ chatId: '42', messageId: 7, brain: 'claude', fallback: 'rule', reason: 'OverloadedError 529 overloaded_error' }]);
  });

  it('answers with the rule brain when Claude hangs past the timeout', async () => {
    api.handle(() => fakeReply.hang());
    expect(await brain(0).decide(brainInput('напиши через 2 часа'))).toEqual(ruleDecision);
    expect(warnings()).toMatchObject([{ reason: 'timeout' }]);
  });

  it('loses nothing when Claude fails halfway through a tool round', async () => {
    api.enqueue(
      fakeReply.toolUse('schedule_followup', { client_words: 'через 2 часа', due_at_local: '2026-11-18T17:20', text: 'Привет!', reason: 'asked' }),
      fakeReply.error(401, 'authentication_error', 'invalid x-api-key'),
    );
    expect(await brain().decide(brainInput('напиши через 2 часа'))).toEqual(ruleDecision);
    expect(warnings()).toMatchObject([{ reason: 'AuthenticationError 401 authentication_error' }]);
  });

  it('answers with the rule brain on a bug too, logged as an error', async () => {
    const broken: Brain = { name: 'claude', decide: () => Promise.reject(new TypeError('oops')) };
    expect(await withFallback(broken, rule, capture.log).decide(brainInput('напиши через 2 часа'))).toEqual(ruleDecision);
    expect(capture.lines().find((l) => l.level === 50)).toMatchObject({ reason: 'TypeError: oops' });
  });

  it('never logs the API key', async () => {
    api.enqueue(fakeReply.overloaded(), fakeReply.error(401, 'authentication_error', 'invalid x-api-key'));
    await brain().decide(brainInput('напиши через 2 часа'));
    expect(capture.raw()).toContain('authentication_error');
    expect(capture.raw()).not.toContain(KEY);
  });
});
