// A local HTTP server that speaks the OpenAI chat-completions protocol, scripted
// per test: the real `openai` client talks to it over a real socket, so
// headers, status codes, timeouts and retry-after behave as with a real
// endpoint. For tests only.
import { type IncomingHttpHeaders, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (null when it was not JSON). */
  body: ChatRequestBody | null;
}

export interface ChatRequestBody {
  model?: string;
  messages?: Array<{ role: string; content: string }>;
  response_format?: { type: string };
  temperature?: number;
  [key: string]: unknown;
}

export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (when `json` is absent). */
  text?: string;
  /** Never answer (until the server closes). */
  hang?: boolean;
  /** Wait before answering. */
  delayMs?: number;
}

/** A list replays in order and repeats its last reply; a function decides per request (index from 0). */
export type Script = ScriptedReply[] | ((request: RecordedRequest, index: number) => ScriptedReply);

export interface FakeChatServer {
  /** Base URL for the client, ending in `/v1`. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Most requests that were in flight at the same time. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

export async function startFakeChatServer(script: Script): Promise<FakeChatServer> {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: ChatRequestBody | null = null;
      try {
        body = JSON.parse(raw) as ChatRequestBody;
      } catch {
        body = null;
      }
      const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      const index = requests.length;
      requests.push(recorded);
      if (recorded.method !== 'POST' || recorded.path !== '/v1/chat/completions') {
        send(res, { status: 404, json: { error: { message: `no route ${recorded.method} ${recorded.path}`, type: 'invalid_request_error' } } });
        return;
      }
      const reply = Array.isArray(script) ? script[Math.min(index, script.length - 1)] : script(recorded, index);
      if (!reply) throw new Error('empty script');
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      res.on('close', () => inFlight--);
      if (reply.hang) return;
      if (reply.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          send(res, reply);
        }, reply.delayMs);
        timers.add(timer);
      } else {
        send(res, reply);
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function send(res: ServerResponse, reply: ScriptedReply): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...reply.headers };
  let payload = reply.text ?? '';
  if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json);
    headers['content-type'] = 'application/json';
  }
  res.writeHead(reply.status ?? 200, headers);
  res.end(payload);
}

/** A successful chat completion, shaped as the OpenAI API returns it. */
export function completion(content: string | null, finishReason: string = 'stop', model: string = 'test-model'): ScriptedReply {
  return {
    json: {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1_700_000_000,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }],
      usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
    },
  };
}

/** An error in the OpenAI API's shape. */
export function apiError(status: number, message: string, headers: Record<string, string> = {}): ScriptedReply {
  return { status, headers, json: { error: { message, type: status === 429 ? 'rate_limit_error' : 'invalid_request_error', code: null } } };
}
