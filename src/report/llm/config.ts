// Configuration of the optional LLM generator, from the environment. Any
// OpenAI-compatible chat-completions endpoint works (OpenAI, Azure-compatible
// gateways, Mistral, a local Ollama / vLLM / llama.cpp server), so the base URL
// and model are the only required settings; without them the LLM is off.
import { z } from 'zod';
import { apiKeyFromEnv, httpBaseUrl, parseEnv, present, wholeNumber } from '../../env.js';

export interface LlmConfig {
  /** Base URL of the API, including any version path, e.g. `http://localhost:11434/v1`. */
  baseURL: string;
  model: string;
  /** A local server may need no key: a placeholder is sent then. */
  apiKey: string;
  /** Per request. */
  timeoutMs: number;
  /** Retries after the first attempt, for transport failures and for unusable answers alike. */
  maxRetries: number;
  /** Requests in flight at once, per client. */
  concurrency: number;
  /** First backoff delay; doubles per retry, with jitter. */
  backoffBaseMs: number;
  /** Upper bound on any wait, including a server's `retry-after`. */
  backoffMaxMs: number;
  /** Sampling temperature; not sent when undefined (some models accept only their default). */
  temperature?: number;
}

export { PLACEHOLDER_API_KEY } from '../../env.js';

export const LLM_DEFAULTS = {
  timeoutMs: 60_000,
  maxRetries: 3,
  concurrency: 2,
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
} as const;

const envSchema = z.object({
  BELOFTEMETER_LLM_BASE_URL: httpBaseUrl('BELOFTEMETER_LLM_BASE_URL'),
  BELOFTEMETER_LLM_MODEL: z.string().transform((value) => value.trim()),
  BELOFTEMETER_LLM_TIMEOUT_MS: wholeNumber('BELOFTEMETER_LLM_TIMEOUT_MS', 1, 3_600_000, LLM_DEFAULTS.timeoutMs),
  BELOFTEMETER_LLM_MAX_RETRIES: wholeNumber('BELOFTEMETER_LLM_MAX_RETRIES', 0, 10, LLM_DEFAULTS.maxRetries),
  BELOFTEMETER_LLM_CONCURRENCY: wholeNumber('BELOFTEMETER_LLM_CONCURRENCY', 1, 64, LLM_DEFAULTS.concurrency),
  BELOFTEMETER_LLM_TEMPERATURE: z
    .string()
    .optional()
    .transform((raw, context) => {
      const value = present(raw);
      if (value === undefined) return undefined;
      const parsed = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
      if (!(parsed >= 0 && parsed <= 2)) {
        context.addIssue({
          code: z.ZodIssueCode.custom,
          message: `BELOFTEMETER_LLM_TEMPERATURE must be a number from 0 to 2, got "${raw}"`,
        });
        return z.NEVER;
      }
      return parsed;
    }),
});

/**
 * The LLM configuration, or null when `BELOFTEMETER_LLM_BASE_URL` or
 * `BELOFTEMETER_LLM_MODEL` is unset (the LLM generator is then unavailable).
 * Throws InputError naming the variable when a set value is invalid.
 */
export function llmConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LlmConfig | null {
  const baseURL = present(env.BELOFTEMETER_LLM_BASE_URL);
  const model = present(env.BELOFTEMETER_LLM_MODEL);
  if (baseURL === undefined || model === undefined) return null;

  const values = parseEnv(envSchema, {
    BELOFTEMETER_LLM_BASE_URL: baseURL,
    BELOFTEMETER_LLM_MODEL: model,
    BELOFTEMETER_LLM_TIMEOUT_MS: env.BELOFTEMETER_LLM_TIMEOUT_MS,
    BELOFTEMETER_LLM_MAX_RETRIES: env.BELOFTEMETER_LLM_MAX_RETRIES,
    BELOFTEMETER_LLM_CONCURRENCY: env.BELOFTEMETER_LLM_CONCURRENCY,
    BELOFTEMETER_LLM_TEMPERATURE: env.BELOFTEMETER_LLM_TEMPERATURE,
  });
  const config: LlmConfig = {
    baseURL: values.BELOFTEMETER_LLM_BASE_URL,
    model: values.BELOFTEMETER_LLM_MODEL,
    apiKey: apiKeyFromEnv(env, 'BELOFTEMETER_LLM'),
    timeoutMs: values.BELOFTEMETER_LLM_TIMEOUT_MS,
    maxRetries: values.BELOFTEMETER_LLM_MAX_RETRIES,
    concurrency: values.BELOFTEMETER_LLM_CONCURRENCY,
    backoffBaseMs: LLM_DEFAULTS.backoffBaseMs,
    backoffMaxMs: LLM_DEFAULTS.backoffMaxMs,
  };
  if (values.BELOFTEMETER_LLM_TEMPERATURE !== undefined) config.temperature = values.BELOFTEMETER_LLM_TEMPERATURE;
  return config;
}

/** What to tell a user who asked for the LLM generator without configuring it. */
export function missingLlmConfigMessage(env: NodeJS.ProcessEnv = process.env): string | null {
  const missing = ['BELOFTEMETER_LLM_BASE_URL', 'BELOFTEMETER_LLM_MODEL'].filter((name) => present(env[name]) === undefined);
  if (missing.length === 0) return null;
  return `the LLM generator needs ${missing.join(' and ')} (any OpenAI-compatible endpoint, e.g. BELOFTEMETER_LLM_BASE_URL=http://localhost:11434/v1 BELOFTEMETER_LLM_MODEL=llama3.1)`;
}
