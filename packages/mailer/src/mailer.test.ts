import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from './mailer.js';
import { startSmtpSink, type SmtpSink } from './testing/index.js';

const FROM = 'Followups <reports@followups.test>';
let sink: SmtpSink;
let mailer: Mailer;

beforeAll(async () => {
  sink = await startSmtpSink({ rejectRecipients: (a) => (a === 'gone@team.test' ? { code: 550, message: '5.1.1 no such user' } : null) });
  mailer = createMailer({ smtpUrl: sink.url, from: FROM });
});
afterAll(async () => {
  mailer.close();
  await sink.stop();
});

describe('a report by e-mail', () => {
  it('arrives with its subject, text, sender, recipient and Message-ID', async () => {
    const before = sink.messages.length;
    const result = await mailer.send({ to: ['anna@team.test'], subject: 'Follow-ups due today', text: '3 due, 1 overdue.\nПозвонить Ивану.', messageId: '<report-42@followups.test>' });
    const [got] = (await sink.waitFor(before + 1)).slice(before);
    expect(result).toMatchObject({ messageId: '<report-42@followups.test>', accepted: ['anna@team.test'], rejected: [] });
    expect(result.response).toMatch(/^250 /);
    expect(got).toMatchObject({ from: 'reports@followups.test', to: ['anna@team.test'], subject: 'Follow-ups due today', messageId: '<report-42@followups.test>' });
    expect(got!.text.trim()).toBe('3 due, 1 overdue.\nПозвонить Ивану.');
    expect(got!.headers.get('from')).toBe('Followups <reports@followups.test>');
    expect(got!.envelope).toEqual({ from: 'reports@followups.test', to: ['anna@team.test'] });
  });

  it('goes to two recipients in one message, with an html part when given', async () => {
    const before = sink.messages.length;
    const result = await mailer.send({ to: ['anna@team.test', 'boris@team.test'], subject: 'Weekly', text: 'plain', html: '<p>rich</p>' });
    const [got] = (await sink.waitFor(before + 1)).slice(before);
    expect(result.accepted).toEqual(['anna@team.test', 'boris@team.test']);
    expect(result.messageId).toMatch(/^<.+@.+>$/); // generated when not given
    expect(got).toMatchObject({ to: ['anna@team.test', 'boris@team.test'], messageId: result.messageId, html: '<p>rich</p>' });
    expect(got!.envelope.to).toEqual(['anna@team.test', 'boris@team.test']);
  });

  it('reaches the accepted recipients and reports the refused and the malformed ones', async () => {
    const before = sink.messages.length;
    const result = await mailer.send({ to: ['anna@team.test', 'gone@team.test', 'Boris <boris@team.test>'], subject: 'Partial', text: 'x' });
    const [got] = (await sink.waitFor(before + 1)).slice(before);
    expect(result.accepted).toEqual(['anna@team.test']);
    expect(result.rejected).toEqual(['gone@team.test', 'Boris <boris@team.test>']);
    expect(got!.envelope.to).toEqual(['anna@team.test']);
  });
});
