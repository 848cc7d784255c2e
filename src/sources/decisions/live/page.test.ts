import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuntimeFailure } from '../../../errors.js';
import { brusselsDayStart, nextDay } from '../dates.js';
import { meetingDateFilter, parsePage, searchUrl } from './page.js';

test('a Brussels day starts at 23:00Z in winter and 22:00Z in summer, also on the days the clock changes', () => {
  assert.equal(brusselsDayStart('2020-02-21').toISOString(), '2020-02-20T23:00:00.000Z');
  assert.equal(brusselsDayStart('2020-07-01').toISOString(), '2020-06-30T22:00:00.000Z');
  assert.equal(brusselsDayStart('2021-03-28').toISOString(), '2021-03-27T23:00:00.000Z', 'the clock moves forward later that night');
  assert.equal(brusselsDayStart('2021-03-29').toISOString(), '2021-03-28T22:00:00.000Z');
  assert.equal(brusselsDayStart('2021-10-31').toISOString(), '2021-10-30T22:00:00.000Z');
  assert.equal(brusselsDayStart('2021-11-01').toISOString(), '2021-10-31T23:00:00.000Z');
  assert.equal(nextDay('2023-12-31'), '2024-01-01');
  assert.equal(nextDay('2024-02-28'), '2024-02-29');
});

test('the meetingDate filter spans the Brussels days of the range as UTC instants', () => {
  assert.equal(meetingDateFilter({ from: '2021-03-28', to: '2021-03-28' }), '2021-03-27T23:00:00.000Z,2021-03-28T21:59:59.999Z');
  assert.equal(meetingDateFilter({ from: '2023-12-01', to: '2024-01-10' }), '2023-11-30T23:00:00.000Z,2024-01-10T22:59:59.999Z');
});

test('the search URL is the documented request', () => {
  const url = new URL(searchUrl('http://127.0.0.1:9/base', { from: '2024-01-01', to: '2024-01-31' }, 100, 2));
  assert.equal(url.pathname, '/base/news-items/search');
  assert.deepEqual(Object.fromEntries(url.searchParams), {
    'page[size]': '100',
    'page[number]': '2',
    'filter[:gte,lte:meetingDate]': '2023-12-31T23:00:00.000Z,2024-01-31T22:59:59.999Z',
    'sort[meetingDate]': 'desc',
  });
});

test('a page is {count, data}; anything else is a RuntimeFailure starting with what was asked', () => {
  assert.deepEqual(parsePage('{"count": 1, "data": [{"type": "news-item"}], "links": {}}', 'p'), { count: 1, data: [{ type: 'news-item' }] });
  const refused = (body: string, message: RegExp) =>
    assert.throws(() => parsePage(body, 'page[number]=4'), (error: unknown) => error instanceof RuntimeFailure && message.test(error.message));
  refused('<html>Gateway</html>', /^page\[number\]=4: the answer is not valid JSON \(/);
  refused('[]', /^page\[number\]=4: the answer is not a news-item search result \{count, data\} \(body: Expected object, received array\)$/);
  refused('{"count": -1, "data": []}', /count: Number must be greater than or equal to 0/);
  refused('{"count": 1.5, "data": []}', /count: Expected integer, received float/);
});
