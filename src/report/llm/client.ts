// A thin wrapper over the official `openai` client for any OpenAI-compatible
// chat-completions endpoint. The SDK's own retries are off: we retry here so
// that the backoff is ours (exponential, jittered, `retry-after` capped) and so
// that the caller can also retry on unusable content with the same budget.
import { APIUserAbortError } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { RuntimeFailure } from '../../errors.js';
import { backoffDelay } from '../../net/backoff.js';
import { describeEndpointError, isTransientFailure, openAiClient } from '../../net/openai.js';
import type { LlmConfig } from './config.js';
import { createLimiter } from './limit.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatOptions {
  signal?: AbortSignal;
  /** Ask for a JSON object (`response_format: {type: "json_object"}`); dropped if the server rejects it. */
  json?: boolean;
}

/**
 * Why a chat call failed. Transport kinds (`rate-limit`, `server`, `timeout`,
 * `connection`) were already retried by the client; `empty`, `truncated` and
 * `filtered` describe an answer that arrived but cannot be used.
 */
export type LlmFailureKind =
  | 'auth'
  | 'rejected'
  | 'rate-limit'
  | 'server'
  | 'timeout'
  | 'connection'
  | 'aborted'
  | 'empty'
  | 'truncated'
  | 'filtered';

// Keeps RuntimeFailure's name, so the CLI maps it to exit code 1 like any run-time failure.
export class LlmRequestError extends RuntimeFailure {
  constructor(
    message: string,
    readonly kind: LlmFailureKind,
    readonly status: number | null = null,
  ) {
    super(message);
  }

  /** The answer arrived but is unusable: asking again (more strictly) may help. */
  get isContentFailure(): boolean {
    return this.kind === 'empty' || this.kind === 'truncated' || this.kind === 'filtered';
  }
}

export interface RetryInfo {
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  /** Milliseconds the server asked for, before capping; null when it did not say. */
  retryAfterMs: number | null;
  error: LlmRequestError;
}

export interface LlmClientOptions {
  /** Called before every transport retry (diagnostics, tests). */
  onRetry?: (info: RetryInfo) => void;
  /** Source of jitter, [0, 1). */
  random?: () => number;
}

export interface LlmClient {
  readonly model: string;
  readonly baseURL: string;
  readonly maxRetries: number;
  /** The assistant's text. Throws LlmRequestError. */
  chat(messages: ChatMessage[], options?: ChatOptions): Promise<string>;
}

export function createLlmClient(config: LlmConfig, options: LlmClientOptions = {}): LlmClient {
  const openai = openAiClient(config);
  const limiter = createLimiter(config.concurrency);
  const random = options.random ?? Math.random;
  // Learnt once per client: servers that reject `response_format` keep rejecting it.
  let jsonModeSupported = true;

  const request = async (messages: ChatMessage[], json: boolean, signal: AbortSignal | undefined): Promise<string> => {
    const body: ChatCompletionCreateParamsNonStreaming = { model: config.model, messages };
    if (json) body.response_format = { type: 'json_object' };
    if (config.temperature !== undefined) body.temperature = config.temperature;
    let completion;
    try {
      completion = await limiter.run(() => openai.chat.completions.create(body, signal ? { signal } : {}));
    } catch (error) {
      throw classify(error, config);
    }
    const choice = completion?.choices?.[0];
    if (!choice) throw new LlmRequestError(`the LLM endpoint ${config.baseURL} answered without a choice`, 'empty');
    const content = choice.message?.content ?? '';
    if (choice.finish_reason === 'length') {
      throw new LlmRequestError(`the model's answer was cut off at its token limit (${content.length} characters)`, 'truncated');
    }
    if (choice.finish_reason === 'content_filter') {
      throw new LlmRequestError("the endpoint's content filter withheld the answer", 'filtered');
    }
    if (content.trim() === '') throw new LlmRequestError('the model returned an empty answer', 'empty');
    return content;
  };

  const chat = async (messages: ChatMessage[], chatOptions: ChatOptions = {}): Promise<string> => {
    const { signal } = chatOptions;
    let retry = 0;
    let droppedJsonMode = false;
    for (;;) {
      const json = (chatOptions.json ?? false) && jsonModeSupported;
      try {
        return await request(messages, json, signal);
      } catch (error) {
        if (!(error instanceof LlmRequestError)) throw error;
        if (error.kind === 'rejected' && error.status === 400 && json && !droppedJsonMode) {
          // Many OpenAI-compatible servers do not know `response_format`; ask once without it.
          droppedJsonMode = true;
          jsonModeSupported = false;
          continue;
        }
        if (!isTransientFailure(error.kind) || retry >= config.maxRetries) {
          if (droppedJsonMode && error.kind === 'rejected') jsonModeSupported = true;
          throw error;
        }
        retry++;
        const retryAfterMs = error instanceof RetryAfterError ? error.retryAfterMs : null;
        const delayMs = backoffDelay(retry, retryAfterMs, config, random);
        options.onRetry?.({ retry, delayMs, retryAfterMs, error });
        await sleep(delayMs, signal);
      }
    }
  };

  return { model: config.model, baseURL: config.baseURL, maxRetries: config.maxRetries, chat };
}

/** A retryable HTTP failure that carries the server's requested wait. */
class RetryAfterError extends LlmRequestError {
  constructor(
    message: string,
    kind: LlmFailureKind,
    status: number,
    readonly retryAfterMs: number | null,
  ) {
    super(message, kind, status);
  }
}

function classify(error: unknown, config: LlmConfig): LlmRequestError {
  if (error instanceof APIUserAbortError) return new LlmRequestError('the LLM request was aborted', 'aborted');
  const failure = describeEndpointError(error, {
    name: 'the LLM endpoint',
    baseURL: config.baseURL,
    model: config.model,
    timeoutMs: config.timeoutMs,
    variablePrefix: 'BELOFTEMETER_LLM',
  });
  if (failure.kind === 'rate-limit' || failure.kind === 'server') {
    return new RetryAfterError(failure.message, failure.kind, failure.status!, failure.retryAfterMs);
  }
  return new LlmRequestError(failure.message, failure.kind, failure.status);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(new LlmRequestError('the LLM request was aborted', 'aborted'));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new LlmRequestError('the LLM request was aborted', 'aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
