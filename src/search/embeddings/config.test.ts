import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../errors.js';
import { EMBEDDINGS_DEFAULTS, PLACEHOLDER_API_KEY, embeddingsConfigFromEnv, missingEmbeddingsConfigMessage } from './config.js';

const base = { BELOFTEMETER_EMBEDDINGS_BASE_URL: 'http://localhost:11434/v1/', BELOFTEMETER_EMBEDDINGS_MODEL: ' nomic-embed-text ' };

describe('embeddingsConfigFromEnv', () => {
  it('is null unless both base URL and model are set, and says what is missing', () => {
    assert.equal(embeddingsConfigFromEnv({}), null);
    assert.equal(embeddingsConfigFromEnv({ BELOFTEMETER_EMBEDDINGS_BASE_URL: base.BELOFTEMETER_EMBEDDINGS_BASE_URL }), null);
    assert.equal(embeddingsConfigFromEnv({ BELOFTEMETER_EMBEDDINGS_MODEL: 'm', BELOFTEMETER_EMBEDDINGS_BASE_URL: ' ' }), null);
    const message = missingEmbeddingsConfigMessage({ BELOFTEMETER_EMBEDDINGS_MODEL: 'm' })!;
    assert.match(message, /BELOFTEMETER_EMBEDDINGS_BASE_URL and BELOFTEMETER_EMBEDDINGS_MODEL/);
    assert.match(message, /BELOFTEMETER_EMBEDDINGS_BASE_URL not set/);
    assert.match(message, /BELOFTEMETER_EMBEDDINGS_BASE_URL=http:\/\/localhost:11434\/v1 BELOFTEMETER_EMBEDDINGS_MODEL=nomic-embed-text/);
    assert.equal(missingEmbeddingsConfigMessage(base), null);
  });

  it('applies defaults, trims, and uses a placeholder key for keyless local servers', () => {
    assert.deepEqual(embeddingsConfigFromEnv(base), {
      baseURL: 'http://localhost:11434/v1',
      model: 'nomic-embed-text',
      apiKey: PLACEHOLDER_API_KEY,
      timeoutMs: EMBEDDINGS_DEFAULTS.timeoutMs,
      batchSize: 64,
      maxRetries: EMBEDDINGS_DEFAULTS.maxRetries,
      maxInputChars: EMBEDDINGS_DEFAULTS.maxInputChars,
      queryPrefix: '',
      documentPrefix: '',
      backoffBaseMs: EMBEDDINGS_DEFAULTS.backoffBaseMs,
      backoffMaxMs: EMBEDDINGS_DEFAULTS.backoffMaxMs,
    });
  });

  it('prefers BELOFTEMETER_EMBEDDINGS_API_KEY over OPENAI_API_KEY', () => {
    assert.equal(embeddingsConfigFromEnv({ ...base, OPENAI_API_KEY: 'sk-openai' })?.apiKey, 'sk-openai');
    assert.equal(embeddingsConfigFromEnv({ ...base, OPENAI_API_KEY: 'sk-openai', BELOFTEMETER_EMBEDDINGS_API_KEY: 'sk-own' })?.apiKey, 'sk-own');
  });

  it('reads the numeric settings and keeps prefixes as given', () => {
    const config = embeddingsConfigFromEnv({
      ...base,
      BELOFTEMETER_EMBEDDINGS_TIMEOUT_MS: '1500',
      BELOFTEMETER_EMBEDDINGS_BATCH_SIZE: '16',
      BELOFTEMETER_EMBEDDINGS_MAX_RETRIES: '0',
      BELOFTEMETER_EMBEDDINGS_MAX_CHARS: '2000',
      BELOFTEMETER_EMBEDDINGS_QUERY_PREFIX: 'search_query: ',
      BELOFTEMETER_EMBEDDINGS_DOCUMENT_PREFIX: 'search_document: ',
    });
    assert.equal(config?.timeoutMs, 1500);
    assert.equal(config?.batchSize, 16);
    assert.equal(config?.maxRetries, 0);
    assert.equal(config?.maxInputChars, 2000);
    assert.equal(config?.queryPrefix, 'search_query: ');
    assert.equal(config?.documentPrefix, 'search_document: ');
  });

  it('rejects bad values with an InputError naming the variable', () => {
    for (const [name, value] of [
      ['BELOFTEMETER_EMBEDDINGS_BASE_URL', 'localhost:11434'],
      ['BELOFTEMETER_EMBEDDINGS_BASE_URL', 'ftp://example.org/v1'],
      ['BELOFTEMETER_EMBEDDINGS_TIMEOUT_MS', '1m'],
      ['BELOFTEMETER_EMBEDDINGS_TIMEOUT_MS', '0'],
      ['BELOFTEMETER_EMBEDDINGS_BATCH_SIZE', '0'],
      ['BELOFTEMETER_EMBEDDINGS_BATCH_SIZE', '5000'],
      ['BELOFTEMETER_EMBEDDINGS_MAX_RETRIES', '-1'],
      ['BELOFTEMETER_EMBEDDINGS_MAX_RETRIES', '2.5'],
      ['BELOFTEMETER_EMBEDDINGS_MAX_CHARS', '10'],
    ] as const) {
      assert.throws(
        () => embeddingsConfigFromEnv({ ...base, [name]: value }),
        (error: unknown) => error instanceof InputError && error.message.includes(name) && error.message.includes(value),
        `${name}=${value}`,
      );
    }
  });
});
