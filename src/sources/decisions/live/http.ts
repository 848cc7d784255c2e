// One GET with a timeout per attempt, retried with exponential backoff when the
// failure is likely to pass (429, 5xx, a dropped connection, a timeout).
// Anything else is final: retrying a 404 or a 400 only delays the message.
import { RuntimeFailure } from '../../../errors.js';

export interface RetryPolicy {
  /** Per attempt, body included. */
  timeoutMs: number;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First wait; doubles per retry. A server's Retry-After replaces it. */
  backoffBaseMs: number;
  /** Upper bound on any wait, Retry-After included. */
  backoffMaxMs: number;
  /** How to wait; tests record the delay instead of sleeping. */
  sleep: (ms: number) => Promise<void>;
  onRetry?: (retry: { attempt: number; delayMs: number; reason: string }) => void;
}

type Attempt = { ok: true; body: string } | { ok: false; retryable: boolean; reason: string; retryAfterMs?: number };

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function transportFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no complete answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const detail = cause?.message || cause?.code;
  return `network error: ${error instanceof Error ? error.message : String(error)}${detail ? ` (${detail})` : ''}`;
}

async function attempt(url: string, timeoutMs: number): Promise<Attempt> {
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/vnd.api+json, application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Reading the body is part of the attempt: a connection dropped mid-body is retried like one refused.
    if (response.ok) return { ok: true, body: await response.text() };
    await response.body?.cancel().catch(() => undefined);
    return {
      ok: false,
      retryable: response.status === 429 || response.status >= 500,
      reason: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
    };
  } catch (error) {
    return { ok: false, retryable: true, reason: transportFailure(error, timeoutMs) };
  }
}

/**
 * The body of a successful GET. Throws RuntimeFailure starting with `what`
 * when the request fails for good.
 */
export async function getText(url: string, what: string, policy: RetryPolicy): Promise<string> {
  for (let attempts = 1; ; attempts++) {
    const result = await attempt(url, policy.timeoutMs);
    if (result.ok) return result.body;
    if (!result.retryable || attempts > policy.maxRetries) {
      throw new RuntimeFailure(`${what}: ${result.reason}${attempts > 1 ? ` (gave up after ${attempts} attempts)` : ''}`);
    }
    const delayMs = Math.min(policy.backoffMaxMs, result.retryAfterMs ?? policy.backoffBaseMs * 2 ** (attempts - 1));
    policy.onRetry?.({ attempt: attempts, delayMs, reason: result.reason });
    await policy.sleep(delayMs);
  }
}
