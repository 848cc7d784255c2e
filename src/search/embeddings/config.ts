// Configuration of the optional external embedding model, from the environment.
// Any OpenAI-compatible `/v1/embeddings` endpoint works (OpenAI, a local Ollama,
// vLLM, llama.cpp, text-embeddings-inference); without a base URL and a model
// the offline retrieval is used alone.
import { z } from 'zod';
import { apiKeyFromEnv, httpBaseUrl, parseEnv, present, wholeNumber } from '../../env.js';
import type { BackoffSettings } from '../../net/backoff.js';

export interface EmbeddingsConfig extends BackoffSettings {
  /** Base URL of the API, including any version path, e.g. `http://localhost:11434/v1`. */
  baseURL: string;
  model: string;
  /** A local server may need no key: a placeholder is sent then. */
  apiKey: string;
  /** Per request. */
  timeoutMs: number;
  /** Texts per request when embedding the corpus. */
  batchSize: number;
  /** Retries after the first attempt, for rate limits, server errors and timeouts. */
  maxRetries: number;
  /** Texts are cut to this many characters: an over-long input must not fail its whole batch. */
  maxInputChars: number;
  /** Prepended to every query and document text; some models expect one (nomic-embed-text: `search_query: `). */
  queryPrefix: string;
  documentPrefix: string;
}

export { PLACEHOLDER_API_KEY } from '../../env.js';

export const EMBEDDINGS_DEFAULTS = {
  timeoutMs: 60_000,
  batchSize: 64,
  maxRetries: 3,
  // Roughly 1,500 to 2,000 tokens of Dutch: within the context window of common embedding models.
  maxInputChars: 6_000,
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
} as const;

export const EXAMPLE_EMBEDDINGS_ENV = 'BELOFTEMETER_EMBEDDINGS_BASE_URL=http://localhost:11434/v1 BELOFTEMETER_EMBEDDINGS_MODEL=nomic-embed-text';

const envSchema = z.object({
  BELOFTEMETER_EMBEDDINGS_BASE_URL: httpBaseUrl('BELOFTEMETER_EMBEDDINGS_BASE_URL'),
  BELOFTEMETER_EMBEDDINGS_MODEL: z.string().transform((value) => value.trim()),
  BELOFTEMETER_EMBEDDINGS_TIMEOUT_MS: wholeNumber('BELOFTEMETER_EMBEDDINGS_TIMEOUT_MS', 1, 3_600_000, EMBEDDINGS_DEFAULTS.timeoutMs),
  // OpenAI accepts at most 2,048 inputs per request.
  BELOFTEMETER_EMBEDDINGS_BATCH_SIZE: wholeNumber('BELOFTEMETER_EMBEDDINGS_BATCH_SIZE', 1, 2048, EMBEDDINGS_DEFAULTS.batchSize),
  BELOFTEMETER_EMBEDDINGS_MAX_RETRIES: wholeNumber('BELOFTEMETER_EMBEDDINGS_MAX_RETRIES', 0, 10, EMBEDDINGS_DEFAULTS.maxRetries),
  BELOFTEMETER_EMBEDDINGS_MAX_CHARS: wholeNumber('BELOFTEMETER_EMBEDDINGS_MAX_CHARS', 100, 1_000_000, EMBEDDINGS_DEFAULTS.maxInputChars),
});

/**
 * The embeddings configuration, or null when `BELOFTEMETER_EMBEDDINGS_BASE_URL`
 * or `BELOFTEMETER_EMBEDDINGS_MODEL` is unset (external retrieval is then off).
 * Throws InputError naming the variable when a set value is invalid.
 */
export function embeddingsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EmbeddingsConfig | null {
  const baseURL = present(env.BELOFTEMETER_EMBEDDINGS_BASE_URL);
  const model = present(env.BELOFTEMETER_EMBEDDINGS_MODEL);
  if (baseURL === undefined || model === undefined) return null;

  const values = parseEnv(envSchema, {
    BELOFTEMETER_EMBEDDINGS_BASE_URL: baseURL,
    BELOFTEMETER_EMBEDDINGS_MODEL: model,
    BELOFTEMETER_EMBEDDINGS_TIMEOUT_MS: env.BELOFTEMETER_EMBEDDINGS_TIMEOUT_MS,
    BELOFTEMETER_EMBEDDINGS_BATCH_SIZE: env.BELOFTEMETER_EMBEDDINGS_BATCH_SIZE,
    BELOFTEMETER_EMBEDDINGS_MAX_RETRIES: env.BELOFTEMETER_EMBEDDINGS_MAX_RETRIES,
    BELOFTEMETER_EMBEDDINGS_MAX_CHARS: env.BELOFTEMETER_EMBEDDINGS_MAX_CHARS,
  });
  return {
    baseURL: values.BELOFTEMETER_EMBEDDINGS_BASE_URL,
    model: values.BELOFTEMETER_EMBEDDINGS_MODEL,
    apiKey: apiKeyFromEnv(env, 'BELOFTEMETER_EMBEDDINGS'),
    timeoutMs: values.BELOFTEMETER_EMBEDDINGS_TIMEOUT_MS,
    batchSize: values.BELOFTEMETER_EMBEDDINGS_BATCH_SIZE,
    maxRetries: values.BELOFTEMETER_EMBEDDINGS_MAX_RETRIES,
    maxInputChars: values.BELOFTEMETER_EMBEDDINGS_MAX_CHARS,
    // Not trimmed: a prefix usually ends in a space.
    queryPrefix: env.BELOFTEMETER_EMBEDDINGS_QUERY_PREFIX ?? '',
    documentPrefix: env.BELOFTEMETER_EMBEDDINGS_DOCUMENT_PREFIX ?? '',
    backoffBaseMs: EMBEDDINGS_DEFAULTS.backoffBaseMs,
    backoffMaxMs: EMBEDDINGS_DEFAULTS.backoffMaxMs,
  };
}

/** What to tell a user who asked for embeddings without configuring them. */
export function missingEmbeddingsConfigMessage(env: NodeJS.ProcessEnv = process.env): string | null {
  const missing = ['BELOFTEMETER_EMBEDDINGS_BASE_URL', 'BELOFTEMETER_EMBEDDINGS_MODEL'].filter((name) => present(env[name]) === undefined);
  if (missing.length === 0) return null;
  return `embeddings need BELOFTEMETER_EMBEDDINGS_BASE_URL and BELOFTEMETER_EMBEDDINGS_MODEL (${missing.join(' and ')} not set); any OpenAI-compatible /v1/embeddings endpoint works, e.g. ${EXAMPLE_EMBEDDINGS_ENV}`;
}
