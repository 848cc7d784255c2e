// A local HTTP server that answers the decisions site's news-item search from
// recorded records (the bundled export has exactly the API's record shape),
// honouring page[size], page[number], the meetingDate range filter and the
// sort, and failing on cue. The real client talks to it over a real socket,
// so status codes, Retry-After, dropped connections and timeouts behave as
// with the real site. For tests only.
import { type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReplayRequest {
  /** 0-based position among all requests the server received. */
  index: number;
  path: string;
  query: URLSearchParams;
  /** page[number] and page[size] as asked (defaults 0 and 10, as in mu-search). */
  page: number;
  size: number;
}

export type Fault =
  /** An HTTP error status, with optional headers (Retry-After) and body. */
  | { status: number; headers?: Record<string, string>; body?: string }
  /** 200 with a body that stops in the middle of the JSON. */
  | { kind: 'malformed-json' }
  /** 200 with a Content-Length the body never reaches: the connection drops mid-body. */
  | { kind: 'truncated' }
  /** The connection is closed before any answer. */
  | { kind: 'reset' }
  /** No answer at all (until the server closes). */
  | { kind: 'hang' }
  /** 200 with this JSON, which need not be a search result. */
  | { kind: 'json'; json: unknown };

export interface ReplayOptions {
  /** Raw news-item records, in any order. */
  records: readonly unknown[];
  /** Decides per request whether to fail instead of answering. */
  fault?: (request: ReplayRequest) => Fault | undefined;
  /** Replaces the reported total, to play a server whose count is wrong. */
  count?: (actual: number, request: ReplayRequest) => number;
  /**
   * Past the last page, keep answering with full pages: the last page again
   * ("repeat-last", a server that clamps page[number]) or records it makes up
   * ("endless"). Either way it never returns an empty page.
   */
  pastTheEnd?: 'repeat-last' | 'endless';
}

export interface ReplayServer {
  /** Base URL for the client; `/news-items/search` is served under it. */
  baseUrl: string;
  requests: ReplayRequest[];
  close(): Promise<void>;
}

type NewsItem = { type?: unknown; id?: unknown; attributes?: Record<string, unknown> };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A bound of the meetingDate filter: an instant, or a bare date meaning its whole UTC day. */
function bound(value: string | undefined, end: boolean): number {
  const text = value?.trim() ?? '';
  if (DAY.test(text)) return Date.parse(`${text}T${end ? '23:59:59.999' : '00:00:00.000'}Z`);
  return Date.parse(text);
}

function meetingTime(record: unknown): number {
  const date = (record as NewsItem | null)?.attributes?.meetingDate;
  return typeof date === 'string' ? Date.parse(date) : Number.NaN;
}

function idOf(record: unknown): string {
  const id = (record as NewsItem | null)?.id;
  return typeof id === 'string' ? id : '';
}

function madeUpPage(records: readonly unknown[], page: number, size: number): unknown[] {
  const model = records.find((record) => idOf(record) !== '') as NewsItem | undefined;
  if (!model) return [];
  return Array.from({ length: size }, (_, i) => {
    const id = `ENDLESS${String(page).padStart(8, '0')}${String(i).padStart(9, '0')}`;
    return { ...model, id, attributes: { ...model.attributes, uuid: id, uri: `http://themis.vlaanderen.be/id/made-up/${id}` } };
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/vnd.api+json', ...headers });
  res.end(JSON.stringify(body));
}

function apiError(res: ServerResponse, status: number, detail: string): void {
  sendJson(res, status, { errors: [{ status: String(status), detail }] });
}

function applyFault(res: ServerResponse, fault: Fault): void {
  if ('status' in fault) {
    res.writeHead(fault.status, { 'content-type': 'application/vnd.api+json', ...fault.headers });
    res.end(fault.body ?? JSON.stringify({ errors: [{ status: String(fault.status), detail: 'fault injected by the replay server' }] }));
  } else if (fault.kind === 'malformed-json') {
    res.writeHead(200, { 'content-type': 'application/vnd.api+json' });
    res.end('{"count": 3, "data": [{"type": "news-item", "id": "5D9C56D56B1B81');
  } else if (fault.kind === 'truncated') {
    const body = JSON.stringify({ count: 1, data: [{ type: 'news-item', id: 'X', attributes: { title: 'x'.repeat(2000) } }] });
    res.writeHead(200, { 'content-type': 'application/vnd.api+json', 'content-length': String(Buffer.byteLength(body)) });
    res.write(body.slice(0, 500), () => res.destroy());
  } else if (fault.kind === 'reset') {
    res.destroy();
  } else if (fault.kind === 'json') {
    sendJson(res, 200, fault.json);
  }
  // 'hang': leave the request open.
}

export async function startReplayServer(options: ReplayOptions): Promise<ReplayServer> {
  const requests: ReplayRequest[] = [];

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://replay.invalid');
    const query = url.searchParams;
    const request: ReplayRequest = {
      index: requests.length,
      path: url.pathname,
      query,
      page: Number(query.get('page[number]') ?? '0'),
      size: Number(query.get('page[size]') ?? '10'),
    };
    requests.push(request);
    if (req.method !== 'GET' || url.pathname !== '/news-items/search') {
      apiError(res, 404, `no route ${req.method} ${url.pathname}`);
      return;
    }
    const fault = options.fault?.(request);
    if (fault) {
      applyFault(res, fault);
      return;
    }
    if (!Number.isInteger(request.page) || request.page < 0 || !Number.isInteger(request.size) || request.size < 1) {
      apiError(res, 400, 'page[number] and page[size] must be whole numbers');
      return;
    }

    let selected = [...options.records];
    const filter = query.get('filter[:gte,lte:meetingDate]');
    if (filter !== null) {
      const [from, to] = filter.split(',');
      const start = bound(from, false);
      const end = bound(to, true);
      if (Number.isNaN(start) || Number.isNaN(end)) {
        apiError(res, 400, `filter[:gte,lte:meetingDate] needs two dates, got "${filter}"`);
        return;
      }
      selected = selected.filter((record) => meetingTime(record) >= start && meetingTime(record) <= end);
    }
    const order = query.get('sort[meetingDate]');
    if (order === 'asc' || order === 'desc') {
      const sign = order === 'asc' ? 1 : -1;
      selected.sort((a, b) => sign * (meetingTime(a) - meetingTime(b)) || idOf(a).localeCompare(idOf(b)));
    }

    const lastPage = Math.max(0, Math.ceil(selected.length / request.size) - 1);
    let data = selected.slice(request.page * request.size, (request.page + 1) * request.size);
    if (request.page > lastPage && options.pastTheEnd === 'repeat-last') {
      data = selected.slice(lastPage * request.size, (lastPage + 1) * request.size);
    } else if (data.length < request.size && options.pastTheEnd === 'endless') {
      data = madeUpPage(options.records, request.page, request.size);
    }
    const count = options.count ? options.count(selected.length, request) : selected.length;
    sendJson(res, 200, { count, data, links: {} });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
