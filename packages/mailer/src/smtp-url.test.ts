import { describe, expect, it } from 'vitest';
import { describeSmtpUrl, parseSmtpUrl } from './smtp-url.js';

describe('describeSmtpUrl', () => {
  it('leaves the password out and names the port, the default one included', () => {
    expect(describeSmtpUrl('smtp://reports:s3cret@smtp.example.com:587')).toBe('smtp://reports@smtp.example.com:587');
    expect(describeSmtpUrl('smtps://reports:s3cret@smtp.example.com')).toBe('smtps://reports@smtp.example.com:465');
    expect(describeSmtpUrl('smtp://smtp.example.com')).toBe('smtp://smtp.example.com:587');
    expect(describeSmtpUrl('smtp://127.0.0.1:2525?tls=off')).toBe('smtp://127.0.0.1:2525?tls=off');
    expect(describeSmtpUrl('smtp://reports%40example.com:p%40ss@[::1]:25')).toBe('smtp://reports%40example.com@[::1]:25');
  });

  it.each([
    ['http://user:pw@host:587', /smtp:\/\/ or smtps:\/\/, not http:/],
    ['smtp.example.com:587', /smtp:\/\/ or smtps:\/\//],
    ['smtp://', /no host/],
    ['smtp://:587', /no host/],
    ['smtp://user:pw@:587', /no host/],
    ['smtp://host:99999', /bad port/],
    ['smtp://host:abc', /bad port/],
    ['smtp://host:0', /bad port/],
    ['smtp://host:25?tls=no', /tls=no is not understood/],
    ['smtp://host:25?ignoreTLS=true', /unknown parameter "ignoreTLS"/],
    ['smtps://host:465?tls=off', /cannot take \?tls=off/],
    ['smtp://user:pw/rest@host:587', /raw \/ \? or #/],
  ])('%s → an error naming what is wrong', (url, reason) => {
    expect(() => describeSmtpUrl(url)).toThrow(reason);
  });

  it('never repeats the password in its complaint', () => {
    for (const url of ['smtp://u:hunter2x@host:99999', 'smtp://u:hunter2x@host:25?tls=maybe', 'smtp://u:hun/ter2x@host', 'smtp://u:hun?ter2x@host', 'smtp://u:hunter2x%zz@host']) {
      expect(() => describeSmtpUrl(url)).toThrow();
      try {
        describeSmtpUrl(url);
      } catch (e) {
        expect((e as Error).message).not.toMatch(/hun|ter2x/);
      }
    }
  });
});

describe('parseSmtpUrl', () => {
  it('decodes the credentials and reads the TLS mode', () => {
    expect(parseSmtpUrl('smtp://reports%40example.com:p%40ss%2Fw@smtp.example.com:587')).toEqual({
      host: 'smtp.example.com',
      port: 587,
      secure: false,
      ignoreTLS: false,
      auth: { user: 'reports@example.com', pass: 'p@ss/w' },
    });
    expect(parseSmtpUrl('smtps://mail.example.com')).toMatchObject({ port: 465, secure: true, ignoreTLS: false });
    expect(parseSmtpUrl('smtp://127.0.0.1:2525?tls=off')).toEqual({ host: '127.0.0.1', port: 2525, secure: false, ignoreTLS: true });
    expect(parseSmtpUrl('smtp://[::1]:25').host).toBe('::1');
  });
});
