import { headers as natsHeaders } from '@nats-io/nats-core';
import { Api, errors, extensions } from 'telegram';

/**
 * The stand-in's wire: GramJS's own TL serialization (what MTProto carries inside its encryption),
 * over NATS instead of Telegram's sockets. A request goes as `request.getBytes()`; the answer
 * comes back as the bytes of the result (read with the request's own `readResult`) or as an
 * `rpc-error` header turned into GramJS's error classes (FloodWaitError, RPCError…).
 */

export const standinSubjects = {
  connect: 'standin.telegram.connect',
  invoke: (connection: string) => `standin.telegram.invoke.${connection}`,
  ping: (connection: string) => `standin.telegram.ping.${connection}`,
  disconnect: (connection: string) => `standin.telegram.disconnect.${connection}`,
  updates: (connection: string) => `standin.telegram.updates.${connection}`,
};

/** How long the stand-in server waits for a silent connection before it counts it gone (a closed socket, for Telegram); clients ping four times as often. */
export const STANDIN_PING_MS = 1500;

/** The header of an answer that is an RPC error (its body is empty). */
export const RPC_ERROR_HEADER = 'rpc-error';

const VECTOR = 0x1cb5c415;
const BOOL_TRUE = 0x997275b5;
const BOOL_FALSE = 0xbc799737;

const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0, 0);
  return b;
};

/** A request's result as Telegram would put it on the wire: an object, a vector of objects, or a bool. */
export function encodeResult(value: unknown): Buffer {
  if (typeof value === 'boolean') return int32(value ? BOOL_TRUE : BOOL_FALSE);
  if (Array.isArray(value)) return Buffer.concat([int32(VECTOR), int32(value.length), ...value.map((v) => encodeResult(v))]);
  return (value as { getBytes(): Buffer }).getBytes();
}

export const decodeRequest = (bytes: Uint8Array): Api.AnyRequest => new extensions.BinaryReader(Buffer.from(bytes)).tgReadObject() as Api.AnyRequest;

/** Read with the request's own `readResult` (GramJS declares it on the runtime class, not in the types). */
export const decodeResult = <R extends Api.AnyRequest>(request: R, bytes: Uint8Array): R['__response'] =>
  (request as unknown as { readResult(reader: extensions.BinaryReader): R['__response'] }).readResult(new extensions.BinaryReader(Buffer.from(bytes)));

export const decodeObject = (bytes: Uint8Array): unknown => new extensions.BinaryReader(Buffer.from(bytes)).tgReadObject();

/** An RPC error as `<code>:<message>`, e.g. `420:FLOOD_WAIT_7`, `400:USER_IS_BLOCKED`. */
export class StandinRpcError extends Error {
  constructor(
    readonly code: number,
    readonly errorMessage: string,
  ) {
    super(`${code}:${errorMessage}`);
  }
  get header(): string {
    return `${this.code}:${this.errorMessage}`;
  }
}

/** The header back into the error GramJS would raise for this request (`errors.FloodWaitError` with `seconds`, …). */
export function errorFromHeader(header: string, request: Api.AnyRequest): Error {
  const colon = header.indexOf(':');
  const rpc = new Api.RpcError({ errorCode: Number(header.slice(0, colon)), errorMessage: header.slice(colon + 1) });
  return errors.RPCMessageToError(rpc, request) as Error;
}

/** Headers for an answer that is an RPC error. */
export function rpcErrorHeaders(header: string) {
  const h = natsHeaders();
  h.set(RPC_ERROR_HEADER, header);
  return h;
}
