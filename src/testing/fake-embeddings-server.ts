// A local HTTP server that speaks the OpenAI `/v1/embeddings` protocol, for
// tests: the real `openai` client talks to it over a real socket. Its vectors
// are deterministic and carry meaning: a signed, hashed bag of the folded
// words and their character 4-grams, L2-normalised, so texts that share words
// (or most of a misspelt word) are close, as with a real model; unlike the
// offline index it matches "radikalisme" with "radicalisme". Failures are
// scripted per request. For tests only.
import { type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmbeddingsRequestBody {
  model?: string;
  input?: unknown;
  encoding_format?: string;
  [key: string]: unknown;
}

export interface RecordedEmbeddingsRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Null when the body was not JSON. */
  body: EmbeddingsRequestBody | null;
}

export interface EmbeddingItem {
  object: 'embedding';
  index: number;
  embedding: number[];
}

/** How to answer one request; an empty reply answers with the real vectors. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON instead of the embeddings answer. */
  json?: unknown;
  /** Sent as is, with this content type (default application/json, to provoke the client's parser). */
  text?: string;
  contentType?: string;
  /** Rewrites the answer's items before sending: wrong counts, dimensions, values. */
  tamper?: (items: EmbeddingItem[]) => unknown[];
  /** Wait before answering. */
  delayMs?: number;
  /** Never answer (until the server closes). */
  hang?: boolean;
}

export interface FakeEmbeddingsOptions {
  dims?: number;
  /** Decides each request's reply (index from 0); the default answers every request properly. */
  script?: (request: RecordedEmbeddingsRequest, index: number) => FakeReply;
}

export interface FakeEmbeddingsServer {
  /** Base URL for the client, ending in `/v1`. */
  baseURL: string;
  dims: number;
  requests: RecordedEmbeddingsRequest[];
  close(): Promise<void>;
}

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** FNV-1a: a fast, stable 32-bit hash. */
function hash(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The fake model. Words of fewer than four letters are left out (mostly
 * function words), a word weighs four times each of its 4-grams, which only
 * bridge spelling differences, and counts are damped (1 + ln tf) so that a
 * long text is not just its most repeated word. Enough dimensions keep hash
 * collisions rare.
 */
export function fakeEmbedding(text: string, dims: number): number[] {
  const counts = new Map<string, number>();
  const count = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
  for (const word of fold(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (word.length < 4) continue;
    count(`w:${word}`);
    const padded = `^${word}$`;
    for (let i = 0; i + 4 <= padded.length; i++) count(`g:${padded.slice(i, i + 4)}`);
  }
  const vector = new Float64Array(dims);
  for (const [feature, tf] of counts) {
    const weight = (feature.startsWith('w:') ? 1 : 0.25) * (1 + Math.log(tf));
    const h = hash(feature);
    vector[h % dims]! += h & 0x80000000 ? -weight : weight;
  }
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
  return [...vector].map((x) => (norm > 0 ? x / norm : 0));
}

export async function startFakeEmbeddingsServer(options: FakeEmbeddingsOptions = {}): Promise<FakeEmbeddingsServer> {
  const dims = options.dims ?? 1024;
  const requests: RecordedEmbeddingsRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: EmbeddingsRequestBody | null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as EmbeddingsRequestBody;
      } catch {
        body = null;
      }
      const recorded: RecordedEmbeddingsRequest = { path: req.url ?? '', headers: req.headers, body };
      const index = requests.length;
      requests.push(recorded);
      if (req.method !== 'POST' || recorded.path !== '/v1/embeddings') {
        return sendJson(res, 404, apiErrorBody(`no route ${req.method} ${recorded.path}`));
      }
      const reply = options.script?.(recorded, index) ?? {};
      if (reply.hang) return;
      const answer = () => respond(res, reply, body, dims);
      if (!reply.delayMs) return answer();
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer();
      }, reply.delayMs);
      timers.add(timer);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    dims,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        // Closing twice is fine: a test may close the server to make it unreachable.
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function respond(res: ServerResponse, reply: FakeReply, body: EmbeddingsRequestBody | null, dims: number): void {
  if (res.destroyed) return;
  if (reply.text !== undefined) {
    res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json', ...reply.headers });
    res.end(reply.text);
    return;
  }
  if (reply.json !== undefined) return sendJson(res, reply.status ?? 200, reply.json, reply.headers);
  // As OpenAI: a string or a list of non-empty strings.
  const input = typeof body?.input === 'string' ? [body.input] : body?.input;
  if (!Array.isArray(input) || input.length === 0 || !input.every((text) => typeof text === 'string' && text !== '')) {
    return sendJson(res, 400, apiErrorBody("'input' must be a non-empty string or a list of non-empty strings"));
  }
  const items: EmbeddingItem[] = input.map((text: string, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(text, dims) }));
  sendJson(res, reply.status ?? 200, {
    object: 'list',
    data: reply.tamper ? reply.tamper(items) : items,
    model: body?.model ?? 'fake',
    usage: { prompt_tokens: 0, total_tokens: 0 },
  }, reply.headers);
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

/** An error in the OpenAI API's shape. */
export function apiErrorBody(message: string, type = 'invalid_request_error'): unknown {
  return { error: { message, type, code: null } };
}

/** A scripted HTTP error in the OpenAI API's shape. */
export function failure(status: number, message: string, headers: Record<string, string> = {}): FakeReply {
  return { status, headers, json: apiErrorBody(message, status === 429 ? 'rate_limit_error' : 'server_error') };
}
