// Waiting between retries of a remote call (LLM chat, embeddings, the
// decisions API): which failures are worth another attempt, and how long to
// wait: exponential with jitter, or what the server asked for, within a cap.

/** HTTP statuses worth another attempt: timeouts, conflicts, rate limits, server errors. */
export const retryableStatus = (status: number): boolean => status === 408 || status === 409 || status === 429 || status >= 500;

export interface BackoffSettings {
  /** First backoff delay; doubles per retry, with jitter. */
  backoffBaseMs: number;
  /** Upper bound on any wait, including a server's `retry-after`. */
  backoffMaxMs: number;
}

/**
 * Exponential backoff with "equal jitter" (half fixed, half random), so that
 * parallel callers that failed together do not retry together. A server's
 * `retry-after` wins when given, within the cap.
 */
export function backoffDelay(
  retry: number,
  retryAfterMs: number | null,
  config: BackoffSettings,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== null) return Math.min(Math.max(0, retryAfterMs), config.backoffMaxMs);
  const exponential = Math.min(config.backoffMaxMs, config.backoffBaseMs * 2 ** (retry - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** `retry-after-ms` (OpenAI), else `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | null {
  const millis = headers?.get('retry-after-ms');
  if (millis && Number.isFinite(Number.parseFloat(millis))) return Math.max(0, Number.parseFloat(millis));
  const value = headers?.get('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Number.parseFloat(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
