// Talking to an OpenAI-compatible endpoint with the official `openai` SDK:
// the SDK client as every endpoint here needs it, and what went wrong in words
// a user can act on (which variable to check). Shared by the LLM client and
// the embeddings client; each wraps failures in its own error class.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { errorMessage } from '../errors.js';
import { retryableStatus, retryAfterMs } from './backoff.js';

export type EndpointFailureKind = 'auth' | 'rejected' | 'rate-limit' | 'server' | 'timeout' | 'connection';

/**
 * The SDK client for a non-OpenAI endpoint: the SDK's own retries off (callers
 * retry with their own capped backoff), and no organisation or project picked
 * up from the environment.
 */
export function openAiClient(endpoint: { baseURL: string; apiKey: string; timeoutMs: number }): OpenAI {
  return new OpenAI({
    baseURL: endpoint.baseURL,
    apiKey: endpoint.apiKey,
    timeout: endpoint.timeoutMs,
    maxRetries: 0,
    organization: null,
    project: null,
  });
}

/** Failures that may pass on their own (the others need the request or the settings changed). */
export function isTransientFailure(kind: string): boolean {
  return kind === 'rate-limit' || kind === 'server' || kind === 'timeout' || kind === 'connection';
}

export interface EndpointFailure {
  message: string;
  kind: EndpointFailureKind;
  status: number | null;
  /** Milliseconds the server asked to wait, when it said (retryable statuses only). */
  retryAfterMs: number | null;
}

export interface EndpointDescription {
  /** "the LLM endpoint", "the embeddings endpoint". */
  name: string;
  baseURL: string;
  model: string;
  timeoutMs: number;
  /** Prefix of the settings to check, e.g. `BELOFTEMETER_LLM`. */
  variablePrefix: string;
}

export function describeEndpointError(error: unknown, endpoint: EndpointDescription): EndpointFailure {
  const where = `${endpoint.name} ${endpoint.baseURL}`;
  const failure = (message: string, kind: EndpointFailureKind, status: number | null = null, retryAfter: number | null = null) => ({
    message,
    kind,
    status,
    retryAfterMs: retryAfter,
  });
  if (error instanceof APIConnectionTimeoutError) return failure(`${where} did not answer within ${endpoint.timeoutMs} ms`, 'timeout');
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? `: ${errorMessage(error.cause)}` : '';
    return failure(`cannot reach ${where}${cause}`, 'connection');
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    const detail = error.message ? `: ${error.message}` : '';
    if (status === 401 || status === 403) {
      return failure(`${where} refused the credentials (HTTP ${status})${detail}; check ${endpoint.variablePrefix}_API_KEY (or OPENAI_API_KEY)`, 'auth', status);
    }
    if (status === 404) {
      return failure(
        `${where} has no such route or model "${endpoint.model}" (HTTP 404)${detail}; check ${endpoint.variablePrefix}_BASE_URL (usually ends in /v1) and ${endpoint.variablePrefix}_MODEL`,
        'rejected',
        status,
      );
    }
    if (retryableStatus(status)) {
      return failure(`${where} failed (HTTP ${status})${detail}`, status === 429 ? 'rate-limit' : 'server', status, retryAfterMs(error.headers));
    }
    return failure(`${where} rejected the request (HTTP ${status})${detail}`, 'rejected', status);
  }
  return failure(`${where} failed: ${errorMessage(error)}`, 'connection');
}
