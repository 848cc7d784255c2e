import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../../errors.js';
import { API_DEFAULTS, DEFAULT_DECISIONS_API_URL, decisionsApiConfig } from './config.js';

test('the public decisions site is the default; the environment overrides it and --api-url overrides both', () => {
  assert.deepEqual(decisionsApiConfig(undefined, {}), {
    baseUrl: DEFAULT_DECISIONS_API_URL,
    timeoutMs: API_DEFAULTS.timeoutMs,
    maxRetries: API_DEFAULTS.maxRetries,
    maxBytes: API_DEFAULTS.maxBytes,
  });
  const env = { BELOFTEMETER_DECISIONS_API_URL: 'http://mirror.example/api/', BELOFTEMETER_DECISIONS_API_MAX_RETRIES: '0', BELOFTEMETER_DECISIONS_API_TIMEOUT_MS: '2500' };
  assert.deepEqual(decisionsApiConfig(undefined, env), { baseUrl: 'http://mirror.example/api', timeoutMs: 2500, maxRetries: 0, maxBytes: API_DEFAULTS.maxBytes });
  assert.equal(decisionsApiConfig(undefined, { BELOFTEMETER_DECISIONS_API_MAX_BYTES: '5000000' }).maxBytes, 5_000_000);
  assert.equal(decisionsApiConfig(' http://127.0.0.1:8080 ', env).baseUrl, 'http://127.0.0.1:8080');
  assert.equal(decisionsApiConfig('', { BELOFTEMETER_DECISIONS_API_URL: '  ' }).baseUrl, DEFAULT_DECISIONS_API_URL, 'blank values count as unset');
});

test('unusable values are refused naming the flag or variable', () => {
  const refused = (apiUrl: string | undefined, env: NodeJS.ProcessEnv, message: RegExp) =>
    assert.throws(() => decisionsApiConfig(apiUrl, env), (error: unknown) => error instanceof InputError && message.test(error.message));
  refused('ftp://example.org', {}, /^--api-url must be an http\(s\) base URL such as https:\/\/beslissingenvlaamseregering\.vlaanderen\.be, got "ftp:\/\/example\.org"$/);
  refused('beslissingen', {}, /^--api-url must be an http\(s\) base URL/);
  refused('http://example.org/?page[size]=5', {}, /^--api-url must be an http\(s\) base URL/);
  refused(undefined, { BELOFTEMETER_DECISIONS_API_URL: 'localhost:8080' }, /^BELOFTEMETER_DECISIONS_API_URL must be an http\(s\) base URL/);
  refused(undefined, { BELOFTEMETER_DECISIONS_API_TIMEOUT_MS: '0' }, /^BELOFTEMETER_DECISIONS_API_TIMEOUT_MS must be a whole number from 1 to 3600000, got "0"$/);
  refused(undefined, { BELOFTEMETER_DECISIONS_API_MAX_RETRIES: 'veel' }, /^BELOFTEMETER_DECISIONS_API_MAX_RETRIES must be a whole number from 0 to 10/);
});
