import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjects, TEAM_CHAT_ID } from '@followups/contracts';
import { publishJson } from '@followups/kit';
import { startSmtpSink, type SmtpSink } from '@followups/mailer/testing';
import { startAll, startStack, type Stack } from '../support/stack.js';
import { SandboxClient } from '../support/sandbox-client.js';

const API_KEY = 'sk-ant-api03-never-in-a-log-4f7c1e';
const SMTP_PASSWORD = 'smtp-pa55-never-in-a-log';
const CLIENT_WORDS = 'Мой номер карты 4111 1111, напишите через 2 часа';

/**
 * Secrets and client text stay out of the logs, through the running stack at `info`: the
 * Anthropic key (Claude unreachable, so its errors are logged), the SMTP password (a task report
 * sent through a server that requires it), and what the client wrote.
 */
describe('secrets and message text never reach the logs', () => {
  let sink: SmtpSink;
  let stack: Stack;
  beforeAll(async () => {
    sink = await startSmtpSink({ requireAuth: { user: 'reports', pass: SMTP_PASSWORD } });
    stack = await startStack('e2e_secrets', {
      LOG_LEVEL: 'info',
      ANTHROPIC_API_KEY: API_KEY,
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9', // nothing listens: Claude fails, the rule brain answers, the failure is logged
      ANTHROPIC_MAX_RETRIES: '0',
      ANTHROPIC_TIMEOUT_MS: '1000',
      SMTP_URL: sink.url,
      REPORT_TO: 'lead@team.test',
    });
    await startAll(stack);
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await sink?.stop();
  });

  it('keeps the API key, the SMTP password and the client\'s words out of every service\'s log', async () => {
    const client = new SandboxClient(stack.nc);
    client.say(CLIENT_WORDS);
    await client.waitForMessage((t) => t.startsWith('Хорошо'), 'the confirmation', 30_000);
    await publishJson(stack.js, subjects.scheduleIntent(TEAM_CHAT_ID), {
      chatId: TEAM_CHAT_ID,
      action: { type: 'task', payload: { title: 'Secrets check' } },
      dueAt: new Date(Date.now() + 1500).toISOString(),
      idempotencyKey: 'secrets-task',
    });
    await sink.waitFor(1, 20_000);
    client.stop();

    const logs = (['gateway', 'agent', 'scheduler', 'dispatcher'] as const).map((s) => [s, stack.logs(s)] as const);
    expect(logs.every(([, text]) => text.length > 0)).toBe(true);
    // Claude was tried and failed: its failure is in the agent's log, its key is not.
    expect(logs.find(([s]) => s === 'agent')![1]).toMatch(/Claude|claude/);
    for (const [service, text] of logs) {
      expect({ service, key: text.includes(API_KEY) || text.includes(API_KEY.slice(-12)) }).toEqual({ service, key: false });
      expect({ service, smtp: text.includes(SMTP_PASSWORD) }).toEqual({ service, smtp: false });
      expect({ service, words: text.includes('4111 1111') || text.includes('напишите через 2 часа') }).toEqual({ service, words: false });
    }
  }, 60_000);
});
