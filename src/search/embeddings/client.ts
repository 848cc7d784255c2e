// A thin wrapper over the official `openai` client for any OpenAI-compatible
// `/v1/embeddings` endpoint: batches, retries transient failures with backoff,
// and checks every answer before a vector is trusted. The SDK's own retries
// are off so that the backoff (and its cap) is ours, as for the LLM client.
import { RuntimeFailure } from '../../errors.js';
import { backoffDelay } from '../../net/backoff.js';
import { describeEndpointError, isTransientFailure, openAiClient } from '../../net/openai.js';
import { truncateAtWord } from '../../text/index.js';
import type { EmbeddingsConfig } from './config.js';

/** Transport kinds are retried; `invalid` is an answer that arrived but cannot be used. */
export type EmbeddingsFailureKind = 'auth' | 'rejected' | 'rate-limit' | 'server' | 'timeout' | 'connection' | 'invalid';

// Keeps RuntimeFailure's name, so the CLI maps it to exit code 1 like any run-time failure.
export class EmbeddingsRequestError extends RuntimeFailure {
  constructor(
    message: string,
    readonly kind: EmbeddingsFailureKind,
    readonly status: number | null = null,
    /** Milliseconds the server asked to wait, when it said. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return isTransientFailure(this.kind);
  }
}

export interface EmbeddingsRetryInfo {
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  error: EmbeddingsRequestError;
}

export interface EmbeddingsClientOptions {
  /** Called before every retry (diagnostics, tests). */
  onRetry?: (info: EmbeddingsRetryInfo) => void;
  /** Source of jitter, [0, 1). */
  random?: () => number;
  /** Overrides the configured retries, e.g. none for a query that has an offline fallback. */
  maxRetries?: number;
}

export interface EmbeddingsClient {
  readonly model: string;
  readonly baseURL: string;
  /** One vector per text, in the texts' order, requested in batches. Throws EmbeddingsRequestError. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/**
 * The text as sent: whitespace collapsed and cut at a word boundary within the
 * character limit, so that one over-long document cannot fail its batch.
 */
export function embeddingInput(text: string, maxChars: number): string {
  return truncateAtWord(text, maxChars, '').toWellFormed();
}

export function createEmbeddingsClient(config: EmbeddingsConfig, options: EmbeddingsClientOptions = {}): EmbeddingsClient {
  const openai = openAiClient(config);
  const maxRetries = options.maxRetries ?? config.maxRetries;
  const random = options.random ?? Math.random;

  const request = async (input: string[]): Promise<Float32Array[]> => {
    let response: unknown;
    try {
      // `float`: the SDK otherwise asks for base64, which not every compatible server implements.
      response = await openai.embeddings.create({ model: config.model, input, encoding_format: 'float' });
    } catch (error) {
      throw classify(error, config);
    }
    return checkResponse(response, input.length, config);
  };

  const withRetries = async (input: string[]): Promise<Float32Array[]> => {
    for (let retry = 0; ; retry++) {
      try {
        return await request(input);
      } catch (error) {
        if (!(error instanceof EmbeddingsRequestError) || !error.retryable || retry >= maxRetries) throw error;
        const delayMs = backoffDelay(retry + 1, error.retryAfterMs, config, random);
        options.onRetry?.({ retry: retry + 1, delayMs, error });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  };

  return {
    model: config.model,
    baseURL: config.baseURL,
    async embed(texts) {
      const inputs = texts.map((text) => embeddingInput(text, config.maxInputChars));
      // OpenAI rejects an empty input with a 400 for the whole batch; say which one instead.
      const blank = inputs.findIndex((input) => input === '');
      if (blank >= 0) throw new EmbeddingsRequestError(`cannot embed an empty text (input ${blank + 1} of ${inputs.length})`, 'rejected');
      const vectors: Float32Array[] = [];
      for (let start = 0; start < inputs.length; start += config.batchSize) {
        vectors.push(...(await withRetries(inputs.slice(start, start + config.batchSize))));
      }
      if (vectors.length > 0) checkSameDimensions(vectors, config);
      return vectors;
    },
  };
}

function invalid(config: EmbeddingsConfig, problem: string): EmbeddingsRequestError {
  return new EmbeddingsRequestError(`the embeddings endpoint ${config.baseURL} gave an unusable answer: ${problem}`, 'invalid');
}

/** The vectors of a response in input order, or a clear error saying what is wrong with it. */
export function checkResponse(response: unknown, expected: number, config: EmbeddingsConfig): Float32Array[] {
  const data = (response as { data?: unknown } | null)?.data;
  if (typeof response !== 'object' || response === null || !Array.isArray(data)) {
    throw invalid(config, 'no "data" list (is this an OpenAI-compatible /v1/embeddings endpoint?)');
  }
  if (data.length !== expected) throw invalid(config, `${data.length} vectors for ${expected} texts`);
  // Items carry their input's index; servers that leave it out answer in input order.
  const indexes = data.map((item: { index?: unknown }, position): unknown => item?.index ?? position);
  if (new Set(indexes).size !== expected || !indexes.every((i) => typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < expected)) {
    throw invalid(config, `the "index" fields are not 0..${expected - 1}`);
  }
  const vectors = new Array<Float32Array>(expected);
  data.forEach((item: { embedding?: unknown }, position) => {
    const embedding = item?.embedding;
    if (!Array.isArray(embedding) || embedding.length === 0) throw invalid(config, `item ${position} has no list of numbers as its embedding`);
    if (!embedding.every((x) => typeof x === 'number' && Number.isFinite(x))) throw invalid(config, `item ${position} has a value that is not a finite number`);
    vectors[indexes[position] as number] = Float32Array.from(embedding as number[]);
  });
  checkSameDimensions(vectors, config);
  return vectors;
}

function checkSameDimensions(vectors: readonly Float32Array[], config: EmbeddingsConfig): void {
  const dims = vectors[0]!.length;
  const other = vectors.findIndex((v) => v.length !== dims);
  if (other >= 0) throw invalid(config, `vectors of different dimensions (${dims} and ${vectors[other]!.length})`);
}

function classify(error: unknown, config: EmbeddingsConfig): EmbeddingsRequestError {
  // A 200 whose body is not JSON makes the SDK's parser throw.
  if (error instanceof SyntaxError) return invalid(config, `malformed JSON (${error.message})`);
  const failure = describeEndpointError(error, {
    name: 'the embeddings endpoint',
    baseURL: config.baseURL,
    model: config.model,
    timeoutMs: config.timeoutMs,
    variablePrefix: 'BELOFTEMETER_EMBEDDINGS',
  });
  return new EmbeddingsRequestError(failure.message, failure.kind, failure.status, failure.retryAfterMs);
}
