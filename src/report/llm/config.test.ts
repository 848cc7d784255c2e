import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../errors.js';
import { LLM_DEFAULTS, PLACEHOLDER_API_KEY, llmConfigFromEnv, missingLlmConfigMessage } from './config.js';

const base = { BELOFTEMETER_LLM_BASE_URL: 'http://localhost:11434/v1/', BELOFTEMETER_LLM_MODEL: ' llama3.1 ' };

describe('llmConfigFromEnv', () => {
  it('is null unless both base URL and model are set', () => {
    assert.equal(llmConfigFromEnv({}), null);
    assert.equal(llmConfigFromEnv({ BELOFTEMETER_LLM_BASE_URL: base.BELOFTEMETER_LLM_BASE_URL }), null);
    assert.equal(llmConfigFromEnv({ BELOFTEMETER_LLM_MODEL: 'm', BELOFTEMETER_LLM_BASE_URL: '  ' }), null);
    assert.match(missingLlmConfigMessage({ BELOFTEMETER_LLM_MODEL: 'm' })!, /BELOFTEMETER_LLM_BASE_URL/);
    assert.equal(missingLlmConfigMessage(base), null);
  });

  it('applies defaults, trims, and uses a placeholder key for keyless local servers', () => {
    assert.deepEqual(llmConfigFromEnv(base), {
      baseURL: 'http://localhost:11434/v1',
      model: 'llama3.1',
      apiKey: PLACEHOLDER_API_KEY,
      timeoutMs: 60_000,
      maxRetries: 3,
      concurrency: 2,
      backoffBaseMs: LLM_DEFAULTS.backoffBaseMs,
      backoffMaxMs: LLM_DEFAULTS.backoffMaxMs,
    });
  });

  it('prefers BELOFTEMETER_LLM_API_KEY over OPENAI_API_KEY', () => {
    assert.equal(llmConfigFromEnv({ ...base, OPENAI_API_KEY: 'sk-openai' })?.apiKey, 'sk-openai');
    assert.equal(llmConfigFromEnv({ ...base, OPENAI_API_KEY: 'sk-openai', BELOFTEMETER_LLM_API_KEY: 'sk-own' })?.apiKey, 'sk-own');
  });

  it('reads the numeric settings', () => {
    const config = llmConfigFromEnv({
      ...base,
      BELOFTEMETER_LLM_TIMEOUT_MS: '1500',
      BELOFTEMETER_LLM_MAX_RETRIES: '0',
      BELOFTEMETER_LLM_CONCURRENCY: '8',
      BELOFTEMETER_LLM_TEMPERATURE: '0.2',
    });
    assert.equal(config?.timeoutMs, 1500);
    assert.equal(config?.maxRetries, 0);
    assert.equal(config?.concurrency, 8);
    assert.equal(config?.temperature, 0.2);
  });

  it('rejects bad values with an InputError naming the variable', () => {
    for (const [name, value] of [
      ['BELOFTEMETER_LLM_BASE_URL', 'localhost:11434'],
      ['BELOFTEMETER_LLM_BASE_URL', 'ftp://example.org/v1'],
      ['BELOFTEMETER_LLM_TIMEOUT_MS', '1m'],
      ['BELOFTEMETER_LLM_TIMEOUT_MS', '0'],
      ['BELOFTEMETER_LLM_MAX_RETRIES', '-1'],
      ['BELOFTEMETER_LLM_MAX_RETRIES', '2.5'],
      ['BELOFTEMETER_LLM_CONCURRENCY', '0'],
      ['BELOFTEMETER_LLM_TEMPERATURE', 'warm'],
    ] as const) {
      assert.throws(
        () => llmConfigFromEnv({ ...base, [name]: value }),
        (error: unknown) => error instanceof InputError && error.message.includes(name) && error.message.includes(value),
        `${name}=${value}`,
      );
    }
  });
});
