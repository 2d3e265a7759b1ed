import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { Api, Logger, TelegramClient, sessions } from 'telegram';
import { AuthKey } from 'telegram/crypto/AuthKey.js';
import { _handleUpdate } from 'telegram/client/updates.js';
import { UpdateConnectionState } from 'telegram/network/index.js';
import { LogLevel } from 'telegram/extensions/Logger.js';
import { RPC_ERROR_HEADER, STANDIN_PING_MS, decodeObject, decodeResult, errorFromHeader, standinSubjects } from './wire.js';


/**
 * A real GramJS `TelegramClient` whose network edge is the stand-in instead of Telegram's data
 * centres: `connect`, `disconnect` and `invoke` go over NATS to `startTelegramStandin` as TL bytes,
 * and the updates it pushes enter GramJS's own update path (`_handleUpdate`), so event handlers,
 * `client.start()`'s login flow, `getMe()` and the errors (FloodWaitError, RPCError) are GramJS's.
 * Never used against Telegram: TELEGRAM_SERVER=standin selects it, for tests and demos.
 */
export class StandinTelegramClient extends TelegramClient {
  private connection: string | undefined;
  private updates: Subscription | undefined;
  private pinger: NodeJS.Timeout | undefined;

  constructor(
    private readonly nc: NatsConnection,
    session: sessions.StringSession,
    apiId: number,
    apiHash: string,
  ) {
    super(session, apiId, apiHash, { baseLogger: new Logger(LogLevel.NONE), connectionRetries: 1 });
  }

  override get connected(): boolean {
    return this.connection !== undefined;
  }

  override async connect(): Promise<boolean> {
    if (this.connection) return true;
    await this.session.load();
    const key = this.session.getAuthKey()?.getKey();
    const reply = await this.nc.request(standinSubjects.connect, JSON.stringify({ key: key ? key.toString('hex') : null }), { timeout: 5000 });
    const { connection, key: issued } = reply.json<{ connection: string; key: string }>();
    if (!key) {
      // A new session: the stand-in issued its auth key, as Telegram's key exchange would.
      const authKey = new AuthKey();
      await authKey.setKey(Buffer.from(issued, 'hex'));
      this.session.setDC(2, '127.0.0.1', 443);
      this.session.setAuthKey(authKey);
    }
    this.connection = connection;
    this.updates = this.nc.subscribe(standinSubjects.updates(connection), {
      callback: (err, m) => {
        if (err) return;
        _handleUpdate(this, decodeObject(m.data) as Api.TypeUpdate);
      },
    });
    this.pinger = setInterval(() => this.nc.publish(standinSubjects.ping(connection)), STANDIN_PING_MS / 4);
    _handleUpdate(this, UpdateConnectionState.connected);
    return true;
  }

  override async disconnect(): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    this.connection = undefined;
    clearInterval(this.pinger);
    this.updates?.unsubscribe();
    this.nc.publish(standinSubjects.disconnect(connection));
    await this.nc.flush().catch(() => undefined);
  }

  override async destroy(): Promise<void> {
    await this.disconnect();
  }

  override async invoke<R extends Api.AnyRequest>(request: R): Promise<R['__response']> {
    const connection = this.connection;
    if (!connection) throw new Error('Cannot send requests while disconnected. You need to call .connect()');
    const reply = await this.nc.request(standinSubjects.invoke(connection), request.getBytes(), { timeout: 10_000 });
    const rpcError = reply.headers?.get(RPC_ERROR_HEADER);
    if (rpcError) throw errorFromHeader(rpcError, request);
    return decodeResult(request, reply.data);
  }
}
