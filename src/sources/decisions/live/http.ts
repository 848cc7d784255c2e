// One GET with a timeout per attempt, retried with backoff when the failure is
// likely to pass (429, 5xx, a dropped connection, a timeout). Anything else is
// final: retrying a 404 or a 400 only delays the message.
import { RuntimeFailure } from '../../../errors.js';
import { backoffDelay, retryableStatus, retryAfterMs, type BackoffSettings } from '../../../net/backoff.js';

export interface RetryPolicy extends BackoffSettings {
  /** Per attempt, body included. */
  timeoutMs: number;
  /** Largest answer accepted, in bytes: a page of 100 decisions is about 1 MB, so more is a broken or hostile server. */
  maxBytes: number;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** How to wait; tests record the delay instead of sleeping. */
  sleep: (ms: number) => Promise<void>;
  /**
   * Source of the backoff's jitter, [0, 1). Default: none (the full delay), since
   * jitter spreads many clients retrying together and an update is one client.
   */
  random?: () => number;
  onRetry?: (retry: { attempt: number; delayMs: number; reason: string }) => void;
}

type Attempt = { ok: true; body: string } | { ok: false; retryable: boolean; reason: string; retryAfterMs: number | null };

function transportFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no complete answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const detail = cause?.message || cause?.code;
  return `network error: ${error instanceof Error ? error.message : String(error)}${detail ? ` (${detail})` : ''}`;
}

class TooLarge extends Error {}

/** The body as text, refusing (and cancelling) it as soon as it passes `maxBytes`. */
async function limitedText(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new TooLarge();
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function attempt(url: string, timeoutMs: number, maxBytes: number): Promise<Attempt> {
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/vnd.api+json, application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Reading the body is part of the attempt: a connection dropped mid-body is retried like one refused.
    if (response.ok) return { ok: true, body: await limitedText(response, maxBytes) };
    await response.body?.cancel().catch(() => undefined);
    return {
      ok: false,
      retryable: retryableStatus(response.status),
      reason: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      retryAfterMs: retryAfterMs(response.headers),
    };
  } catch (error) {
    if (error instanceof TooLarge) {
      return { ok: false, retryable: false, reason: `the answer is larger than ${maxBytes >= 1_000_000 ? `${Math.round(maxBytes / 1_000_000)} MB` : `${Math.round(maxBytes / 1000)} kB`} (BELOFTEMETER_DECISIONS_API_MAX_BYTES)`, retryAfterMs: null };
    }
    return { ok: false, retryable: true, reason: transportFailure(error, timeoutMs), retryAfterMs: null };
  }
}

/**
 * The body of a successful GET. Throws RuntimeFailure starting with `what`
 * when the request fails for good.
 */
export async function getText(url: string, what: string, policy: RetryPolicy): Promise<string> {
  for (let attempts = 1; ; attempts++) {
    const result = await attempt(url, policy.timeoutMs, policy.maxBytes);
    if (result.ok) return result.body;
    if (!result.retryable || attempts > policy.maxRetries) {
      throw new RuntimeFailure(`${what}: ${result.reason}${attempts > 1 ? ` (gave up after ${attempts} attempts)` : ''}`);
    }
    const delayMs = backoffDelay(attempts, result.retryAfterMs, policy, policy.random ?? (() => 1));
    policy.onRetry?.({ attempt: attempts, delayMs, reason: result.reason });
    await policy.sleep(delayMs);
  }
}
