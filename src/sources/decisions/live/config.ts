// Where and how patiently to ask the decisions site's JSON:API: the base URL
// from --api-url or the environment, timeouts and retries from the environment.
import { z } from 'zod';
import { httpBaseUrl, parseEnv, present, wholeNumber } from '../../../env.js';
import type { BackoffSettings } from '../../../net/backoff.js';

/**
 * The public decisions site (beslissingenvlaamseregering.vlaanderen.be) serves
 * `/news-items/search` at its root; it is the site the example reports link to.
 */
export const DEFAULT_DECISIONS_API_URL = 'https://beslissingenvlaamseregering.vlaanderen.be';

export const API_DEFAULTS = {
  timeoutMs: 30_000,
  maxBytes: 20_000_000,
  maxRetries: 4,
  backoffBaseMs: 500,
  backoffMaxMs: 60_000,
} as const satisfies BackoffSettings & Record<string, number>;

export interface DecisionsApiConfig {
  /** Without a trailing slash; `/news-items/search` is appended. */
  baseUrl: string;
  /** Per request, body included. */
  timeoutMs: number;
  /** Retries after the first attempt, for 429, 5xx and network failures. */
  maxRetries: number;
  /** Largest answer accepted per page, in bytes. */
  maxBytes: number;
}

/**
 * The API configuration: `--api-url` wins over `BELOFTEMETER_DECISIONS_API_URL`,
 * which wins over the public site. Throws InputError naming the flag or variable
 * when a value is unusable.
 */
export function decisionsApiConfig(apiUrl: string | undefined, env: NodeJS.ProcessEnv = process.env): DecisionsApiConfig {
  const fromFlag = present(apiUrl);
  const fromEnv = present(env.BELOFTEMETER_DECISIONS_API_URL);
  const schema = z.object({
    baseUrl: httpBaseUrl(fromFlag !== undefined ? '--api-url' : fromEnv !== undefined ? 'BELOFTEMETER_DECISIONS_API_URL' : 'the default API URL', DEFAULT_DECISIONS_API_URL),
    timeoutMs: wholeNumber('BELOFTEMETER_DECISIONS_API_TIMEOUT_MS', 1, 3_600_000, API_DEFAULTS.timeoutMs),
    maxRetries: wholeNumber('BELOFTEMETER_DECISIONS_API_MAX_RETRIES', 0, 10, API_DEFAULTS.maxRetries),
    maxBytes: wholeNumber('BELOFTEMETER_DECISIONS_API_MAX_BYTES', 1_000, 1_000_000_000, API_DEFAULTS.maxBytes),
  });
  return parseEnv(schema, {
    baseUrl: fromFlag ?? fromEnv ?? DEFAULT_DECISIONS_API_URL,
    timeoutMs: env.BELOFTEMETER_DECISIONS_API_TIMEOUT_MS,
    maxRetries: env.BELOFTEMETER_DECISIONS_API_MAX_RETRIES,
    maxBytes: env.BELOFTEMETER_DECISIONS_API_MAX_BYTES,
  });
}
