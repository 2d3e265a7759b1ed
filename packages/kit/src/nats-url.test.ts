import { describe, expect, it } from 'vitest';
import { natsConnectOptions } from './nats-url.js';

describe('natsConnectOptions', () => {
  it('takes the credentials out of NATS_URL and passes them as options', () => {
    expect(natsConnectOptions('nats://127.0.0.1:4222')).toEqual({ servers: ['nats://127.0.0.1:4222'] });
    expect(natsConnectOptions('nats://scheduler:p%40ss%3Aw0rd@n1:4222, nats://scheduler:p%40ss%3Aw0rd@n2:4222')).toEqual({
      servers: ['nats://n1:4222', 'nats://n2:4222'],
      user: 'scheduler',
      pass: 'p@ss:w0rd',
    });
    expect(natsConnectOptions('tls://ops@nats.internal:4222')).toEqual({ servers: ['tls://nats.internal:4222'], user: 'ops' });
  });
});
