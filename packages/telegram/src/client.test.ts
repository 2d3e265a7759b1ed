import { describe, expect, it } from 'vitest';
import { TelegramClient } from 'telegram';
import { startTestBed } from '@followups/kit/testing';
import { createTelegramClient } from './client.js';
import { StandinTelegramClient } from './standin/standin-client.js';
import { startTelegramStandin } from './standin/standin-server.js';

describe('createTelegramClient', () => {
  it("builds GramJS's own client on the session string, without connecting", async () => {
    const bed = await startTestBed('tg_client', { database: false });
    try {
      const session = await startTelegramStandin({ nc: bed.nc }).authorizedSession();
      const client = createTelegramClient({ apiId: 1, apiHash: 'x', session, server: 'telegram' });
      expect(client).toBeInstanceOf(TelegramClient);
      expect(client).not.toBeInstanceOf(StandinTelegramClient);
      expect(client.connected).toBeFalsy();
      await client.session.load();
      expect(client.session.save()).toBe(session);
      expect(createTelegramClient({ apiId: 1, apiHash: 'x', session, server: 'standin', nc: bed.nc })).toBeInstanceOf(StandinTelegramClient);
      expect(() => createTelegramClient({ apiId: 1, apiHash: 'x', session, server: 'standin' })).toThrow(/needs a NATS connection/);
    } finally {
      await bed.close();
    }
  });
});
