import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Anthropic's Messages API (`POST /v1/messages`), so the real SDK is tested
 * without the internet: every request body is recorded, and each answer is scripted — a message
 * (text and `tool_use` blocks), an error with the API's status and body (529 overloaded, 429
 * with `retry-after`, 500), or a hang that never answers (for timeouts).
 */

export type FakeBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: unknown }
  | { type: 'thinking'; thinking: string; signature: string };

export type FakeReply =
  | { kind: 'message'; content: FakeBlock[]; stopReason: string }
  | { kind: 'error'; status: number; type: string; message: string; headers?: Record<string, string> }
  | { kind: 'hang' };

/** A content block as the SDK sent it; `tool_result` blocks carry `tool_use_id`, `content`, `is_error`. */
export type SentBlock = { type: string; text?: string; cache_control?: { type: string }; tool_use_id?: string; content?: unknown; is_error?: boolean; [k: string]: unknown };

/** A request body as the SDK sent it (loosely typed: tests assert on what was really sent). */
export interface SentRequest {
  model: string;
  max_tokens: number;
  system?: string | SentBlock[];
  tools?: { name: string; input_schema: Record<string, unknown>; cache_control?: { type: string }; [k: string]: unknown }[];
  tool_choice?: { type: string };
  messages: { role: 'user' | 'assistant'; content: string | SentBlock[] }[];
  [k: string]: unknown;
}

export interface RecordedRequest {
  body: SentRequest;
  headers: IncomingMessage['headers'];
}

export type ReplyFn = (request: RecordedRequest, index: number) => FakeReply | undefined | Promise<FakeReply | undefined>;

export interface FakeMessagesApi {
  /** The SDK's `baseURL`. */
  url: string;
  /** Every request received, in order, retries included. */
  requests: RecordedRequest[];
  /** Replies given in order, one per request, when no handler answers. */
  enqueue(...replies: FakeReply[]): void;
  /** Answers by a function of the request; `undefined` falls through to the queue. */
  handle(fn: ReplyFn | undefined): void;
  /** Forgets the script and the recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

let toolIds = 0;

/** Builders for scripted replies. */
export const fakeReply = {
  text: (text: string, stopReason = 'end_turn'): FakeReply => ({ kind: 'message', content: [{ type: 'text', text }], stopReason }),
  /** A `tool_use` response, optionally with text before the call. */
  toolUse: (name: string, input: unknown, text?: string): FakeReply => ({
    kind: 'message',
    content: [...(text ? [{ type: 'text' as const, text }] : []), { type: 'tool_use', id: `toolu_fake_${++toolIds}`, name, input }],
    stopReason: 'tool_use',
  }),
  message: (content: FakeBlock[], stopReason = content.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn'): FakeReply => ({ kind: 'message', content, stopReason }),
  overloaded: (): FakeReply => ({ kind: 'error', status: 529, type: 'overloaded_error', message: 'Overloaded' }),
  rateLimited: (retryAfterSeconds: number): FakeReply => ({ kind: 'error', status: 429, type: 'rate_limit_error', message: 'Rate limited', headers: { 'retry-after': String(retryAfterSeconds) } }),
  serverError: (): FakeReply => ({ kind: 'error', status: 500, type: 'api_error', message: 'Internal server error' }),
  error: (status: number, type: string, message: string, headers?: Record<string, string>): FakeReply => ({ kind: 'error', status, type, message, ...(headers ? { headers } : {}) }),
  hang: (): FakeReply => ({ kind: 'hang' }),
};

export async function startFakeMessagesApi(): Promise<FakeMessagesApi> {
  const requests: RecordedRequest[] = [];
  let queue: FakeReply[] = [];
  let handler: ReplyFn | undefined;
  let messageIds = 0;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_fake_${requests.length}`, ...headers });
    res.end(JSON.stringify(body));
  };
  const apiError = (res: ServerResponse, status: number, type: string, message: string, headers?: Record<string, string>) =>
    send(res, status, { type: 'error', error: { type, message } }, headers);

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.method !== 'POST' || req.url?.split('?')[0] !== '/v1/messages') return apiError(res, 404, 'not_found_error', `fake: no ${req.method} ${req.url}`);
        const recorded: RecordedRequest = { body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as SentRequest, headers: req.headers };
        const index = requests.push(recorded) - 1;
        const reply = (await handler?.(recorded, index)) ?? queue.shift();
        // Nothing scripted is a broken test: say so, and tell the SDK not to retry it.
        if (!reply) return apiError(res, 500, 'api_error', 'fake messages api: nothing scripted for this request', { 'x-should-retry': 'false' });
        if (reply.kind === 'hang') return; // the connection stays open until the client gives up or close()
        if (reply.kind === 'error') return apiError(res, reply.status, reply.type, reply.message, reply.headers);
        send(res, 200, {
          id: `msg_fake_${++messageIds}`,
          type: 'message',
          role: 'assistant',
          model: recorded.body.model,
          content: reply.content,
          stop_reason: reply.stopReason,
          stop_sequence: null,
          usage: { input_tokens: 100, output_tokens: 20, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
        });
      })().catch((e: unknown) => apiError(res, 500, 'api_error', `fake messages api failed: ${String(e)}`, { 'x-should-retry': 'false' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    handle: (fn) => void (handler = fn),
    reset() {
      queue = [];
      handler = undefined;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // hanging requests included
        server.close(() => resolve());
      }),
  };
}

/** The text of a request's system prompt, blocks joined. */
export function systemText(request: RecordedRequest): string {
  const { system } = request.body;
  return typeof system === 'string' ? system : (system ?? []).map((b) => b.text ?? '').join('\n');
}

/** The blocks of a request's last turn (a string turn as one text block). */
export function lastTurnBlocks(request: RecordedRequest): SentBlock[] {
  const content = request.body.messages.at(-1)?.content ?? [];
  return typeof content === 'string' ? [{ type: 'text', text: content }] : content;
}

/** The `tool_result` blocks a request answers with (its last turn's). */
export function toolResults(request: RecordedRequest): SentBlock[] {
  return lastTurnBlocks(request).filter((b) => b.type === 'tool_result');
}

/** A tool_result's content as text, whether sent as a string or as text blocks. */
export function toolResultText(block: SentBlock): string {
  const { content } = block;
  if (typeof content === 'string') return content;
  return Array.isArray(content) ? content.map((c: { text?: string }) => c.text ?? '').join('') : '';
}
