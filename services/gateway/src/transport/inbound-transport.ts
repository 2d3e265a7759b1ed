/**
 * The gateway's view of Telegram: a transport reports what arrives on the sales account, a sink
 * turns it into contract events. The sandbox transport (NATS) is one implementation; GramJS is
 * the next one. Transports know nothing of the contract's subjects; the sink knows nothing of
 * where messages come from.
 */

/** A client wrote to the sales account. */
export interface InboundClientMessage {
  chatId: string;
  /** The transport's id of the message within the chat; stable across redeliveries (the dedup key). */
  messageId: number;
  text: string;
  /** When the message was sent, by the transport's clock (Telegram's date, the sandbox stream's time). */
  at: Date;
  from: { name?: string; username?: string; languageCode?: string };
}

/** A human typed from the sales account (not a message the dispatcher sent). */
export interface InboundOperatorMessage {
  chatId: string;
  /** Stable across redeliveries, like a client message's. */
  messageId: number;
  text: string;
  at: Date;
  /** Who typed it, as the transport knows them. */
  operator: string;
}

/**
 * Where a transport reports messages. A rejection with NonRetriableError means the message can
 * never be turned into an event; any other rejection means "try again later". Calls for one chat
 * must be made in the order the messages arrived.
 */
export interface InboundSink {
  clientMessage(m: InboundClientMessage): Promise<void>;
  operatorMessage(m: InboundOperatorMessage): Promise<void>;
}

export interface InboundTransport {
  readonly name: string;
  /** Starts receiving; resolves once messages flow to `sink`. */
  start(sink: InboundSink): Promise<void>;
  /** Stops receiving and waits for the messages in hand to be reported. Idempotent. */
  stop(): Promise<void>;
}
