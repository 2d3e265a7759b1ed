import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isNonRetriableError } from '@followups/kit';
import { toSendError } from './send-errors.js';

/** Errors shaped the way nodemailer's smtp-connection builds them (code, command, response, responseCode, permanent). */
const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.message ?? 'failed')), fields);

describe('toSendError', () => {
  it.each([
    [550, true],
    [554, true],
    [535, true],
    [503, false], // bad sequence of commands: the session's state, a new connection may pass
    [451, false],
    [421, false],
  ])('a %i reply is permanent: %s', (responseCode, permanent) => {
    const error = toSendError(smtpError({ code: 'EENVELOPE', command: 'RCPT TO', response: `${responseCode} nope`, responseCode }), []);
    expect(isNonRetriableError(error)).toBe(permanent);
    expect(error.message).toBe(`SMTP RCPT TO: ${responseCode} nope`);
  });

  it("follows nodemailer's own verdict when it gives one", () => {
    expect(isNonRetriableError(toSendError(smtpError({ response: '550 x', responseCode: 550, permanent: false }), []))).toBe(false);
  });

  it.each(['EENVELOPE', 'EMESSAGE', 'EAUTH', 'ENOAUTH'])('%s without a reply is a mail or credentials that cannot work: permanent', (code) => {
    expect(isNonRetriableError(toSendError(smtpError({ code, message: 'Missing credentials for "PLAIN"' }), []))).toBe(true);
  });

  it.each(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'ETLS', 'EPROXY'])('%s is the network: retry', (code) => {
    const error = toSendError(smtpError({ code, message: 'connection trouble' }), []);
    expect(isNonRetriableError(error)).toBe(false);
    expect(error.message).toBe(`SMTP: connection trouble (${code})`);
  });

  it('keeps the original error as the cause when it shows no secret', () => {
    const original = smtpError({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' });
    expect(toSendError(original, ['hunter/2']).cause).toBe(original);
  });

  it('something that is not nodemailer\'s is retried', () => {
    expect(isNonRetriableError(toSendError(new Error('boom'), []))).toBe(false);
    expect(isNonRetriableError(toSendError(undefined, []))).toBe(false);
  });

  it('cuts every secret out of the reason, even one the server echoed', () => {
    const error = toSendError(smtpError({ command: 'AUTH PLAIN', response: '535 bad password hunter%2F2 (hunter/2)', responseCode: 535 }), ['hunter/2', 'hunter%2F2']);
    expect(error.message).toBe('SMTP AUTH PLAIN: 535 bad password *** (***)');
    expect(inspect(error, { depth: 10 })).not.toContain('hunter');
  });
});
