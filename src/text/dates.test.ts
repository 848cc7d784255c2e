import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDutchDate } from './dates.js';

describe('formatDutchDate', () => {
  it('writes a meeting date as a Dutch reader does', () => {
    assert.equal(formatDutchDate('2021-05-21'), '21 mei 2021');
    assert.equal(formatDutchDate('2020-02-01'), '1 februari 2020');
    assert.equal(formatDutchDate('2023-12-31T09:00:00Z'), '31 december 2023');
  });

  it('leaves what is not a date as it is', () => {
    assert.equal(formatDutchDate('zonder datum'), 'zonder datum');
    assert.equal(formatDutchDate('2021-13-01'), '2021-13-01');
  });
});
