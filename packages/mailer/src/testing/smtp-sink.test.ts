import { describe, expect, it } from 'vitest';
import { createMailer } from '../mailer.js';
import { startSmtpSink } from './smtp-sink.js';

describe('startSmtpSink', () => {
  it('waitFor resolves once enough mail arrived, and rejects naming the count when it does not', async () => {
    const sink = await startSmtpSink();
    try {
      await expect(sink.waitFor(1, 100)).rejects.toThrow('expected 1 message(s) within 100 ms, got 0');
      const waiting = sink.waitFor(2, 5_000);
      const mailer = createMailer({ smtpUrl: sink.url, from: 'r@followups.test' });
      await mailer.send({ to: ['a@team.test'], subject: 'one', text: '1' });
      await mailer.send({ to: ['b@team.test'], subject: 'two', text: '2' });
      expect((await waiting).map((m) => [m.subject, m.to])).toEqual([['one', ['a@team.test']], ['two', ['b@team.test']]]);
    } finally {
      await sink.stop();
    }
  });

  it('fails exactly failNext transactions, then accepts', async () => {
    const sink = await startSmtpSink({ failNext: 2 });
    const mailer = createMailer({ smtpUrl: sink.url, from: 'r@followups.test' });
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await mailer.send({ to: ['a@team.test'], subject: `try ${i}`, text: 'x' }).then(() => 'sent', (e: Error) => e.message));
    expect(outcomes).toEqual(['SMTP MAIL FROM: 451 4.3.0 try again later', 'SMTP MAIL FROM: 451 4.3.0 try again later', 'sent']);
    expect(sink.messages.map((m) => m.subject)).toEqual(['try 2']);
    await sink.stop();
    await sink.stop(); // twice is fine
  });
});
