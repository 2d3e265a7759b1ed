import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captureLog, fakeReply, startFakeMessagesApi, type FakeMessagesApi } from '@followups/kit/testing';
import { createClaudeClient, type ClaudeClientOptions } from './client.js';
import { describeClaudeFailure } from './failure.js';

/** The SDK as the agent configures it, against the local Messages API: retries and timeouts are really on. */
let api: FakeMessagesApi;
beforeAll(async () => {
  api = await startFakeMessagesApi();
});
afterAll(async () => api?.close());
beforeEach(() => api.reset());

const KEY = 'sk-ant-test-do-not-log-7f3a';
const ask = (options: Partial<ClaudeClientOptions> = {}, log = captureLog().log) =>
  createClaudeClient({ apiKey: KEY, baseURL: api.url, timeoutMs: 2000, maxRetries: 2, ...options }, log).messages.create({
    model: 'claude-sonnet-5-5',
    max_tokens: 64,
    messages: [{ role: 'user', content: 'hi' }],
  });
const failureOf = (p: Promise<unknown>) => p.then(() => Promise.reject(new Error('expected a failure')), (e: unknown) => e);

describe('Claude client', () => {
  it('sends the key and the model to the configured endpoint', async () => {
    api.enqueue(fakeReply.text('hello'));
    const message = await ask();
    expect(message.content).toEqual([{ type: 'text', text: 'hello' }]);
    const { authorization, 'x-api-key': apiKey } = api.requests[0]!.headers;
    expect(apiKey ?? authorization).toMatch(new RegExp(`^(Bearer )?${KEY}$`));
    expect(api.requests[0]?.body.model).toBe('claude-sonnet-5-5');
  });

  it('retries 529 overloaded and 500 with back-off, then succeeds', async () => {
    api.enqueue(fakeReply.overloaded(), fakeReply.serverError(), fakeReply.text('finally'));
    expect((await ask()).content).toEqual([{ type: 'text', text: 'finally' }]);
    expect(api.requests.map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '1', '2']);
  });

  it('honours retry-after on 429', async () => {
    api.enqueue(fakeReply.rateLimited(0.05), fakeReply.text('ok'));
    expect((await ask()).content).toEqual([{ type: 'text', text: 'ok' }]);
    expect(api.requests).toHaveLength(2);
  });

  it('gives up after ANTHROPIC_MAX_RETRIES: the failure counts as unreachable', async () => {
    api.enqueue(fakeReply.overloaded(), fakeReply.overloaded(), fakeReply.text('too late'));
    const error = await failureOf(ask({ maxRetries: 1 }));
    expect(error).toBeInstanceOf(Anthropic.InternalServerError);
    expect(describeClaudeFailure(error)).toEqual({ unreachable: true, reason: expect.stringContaining('529 overloaded_error') });
    expect(api.requests).toHaveLength(2);
  });

  it('times a hanging attempt out after ANTHROPIC_TIMEOUT_MS and retries it too', async () => {
    api.enqueue(fakeReply.hang(), fakeReply.hang());
    const error = await failureOf(ask({ timeoutMs: 150, maxRetries: 1 }));
    expect(error).toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
    expect(describeClaudeFailure(error)).toEqual({ unreachable: true, reason: 'timeout' });
    expect(api.requests).toHaveLength(2);
  });

  it('does not retry a rejected request; a bad key is unreachable, a bad request is not', async () => {
    api.enqueue(fakeReply.error(401, 'authentication_error', 'invalid x-api-key'), fakeReply.error(400, 'invalid_request_error', 'model: unknown'));
    expect(describeClaudeFailure(await failureOf(ask()))).toEqual({ unreachable: true, reason: 'AuthenticationError 401 authentication_error' });
    expect(describeClaudeFailure(await failureOf(ask()))).toEqual({ unreachable: false, reason: 'BadRequestError 400 invalid_request_error' });
    expect(api.requests).toHaveLength(2);
  });

  it('logs retries through pino, at debug, without the key', async () => {
    const capture = captureLog();
    api.enqueue(fakeReply.overloaded(), fakeReply.text('ok'));
    await ask({}, capture.log);
    expect(capture.lines().some((l) => l.level === 20 && String(l.msg).includes('retrying'))).toBe(true);
    expect(capture.raw()).not.toContain(KEY);
  });
});
