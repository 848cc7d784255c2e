// The live client against a local server replaying bundled records: paging,
// the meeting-date range in Brussels days, and decisions identical to what the
// file adapter makes of the same records.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bundledDecisions } from '../../../testing/fixture-data.js';
import { startReplayServer, type ReplayServer } from '../../../testing/replay-server.js';
import { meetingDateFilter } from './page.js';
import { ALL_DATES, bundledRecords, byId, collect, someRecords, type RawRecord } from './test-helpers.js';

describe('against every bundled record', () => {
  let server: ReplayServer;
  before(async () => {
    server = await startReplayServer({ records: bundledRecords() });
  });
  after(() => server.close());

  test('a date range yields exactly the decisions of those Brussels dates, normalised as the file adapter does', async () => {
    const range = { from: '2020-02-01', to: '2020-03-31' };
    const expected = (await bundledDecisions()).filter((d) => d.meetingDate >= range.from && d.meetingDate <= range.to);
    assert.ok(expected.length > 40, `the range holds enough decisions for several pages (${expected.length})`);
    const { decisions, issues } = await collect({ baseUrl: server.baseUrl, ...range, pageSize: 25 });
    assert.deepEqual(issues, []);
    assert.deepEqual([...decisions].sort(byId), [...expected].sort(byId));
  });

  test('pages are asked in order with the documented parameters, newest first', async () => {
    server.requests.length = 0;
    const range = { from: '2021-01-01', to: '2021-06-30' };
    const { decisions, pages } = await collect({ baseUrl: server.baseUrl, ...range, pageSize: 40 });
    const expectedPages = Math.ceil(decisions.length / 40);
    assert.deepEqual(pages, Array.from({ length: expectedPages }, (_, i) => i));
    assert.deepEqual(server.requests.map((r) => r.page), pages);
    for (const request of server.requests) {
      assert.equal(request.path, '/news-items/search');
      assert.equal(request.query.get('page[size]'), '40');
      assert.equal(request.query.get('sort[meetingDate]'), 'desc');
      assert.equal(request.query.get('filter[:gte,lte:meetingDate]'), meetingDateFilter(range));
    }
    const dates = decisions.map((d) => d.meetingDate);
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
  });

  test('a range without meetings yields nothing after one request', async () => {
    server.requests.length = 0;
    const { decisions, issues } = await collect({ baseUrl: server.baseUrl, from: '2025-01-01', to: '2025-01-31' });
    assert.deepEqual([decisions, issues], [[], []]);
    assert.equal(server.requests.length, 1);
  });
});

test('meetings near midnight UTC land on their Brussels date, across the DST change', async () => {
  const [model] = someRecords(1) as [RawRecord];
  const at = (id: string, meetingDate: string): RawRecord => ({ ...model, id, attributes: { ...model.attributes, uuid: id, meetingDate } });
  const server = await startReplayServer({
    records: [
      at('LATE-SATURDAY', '2021-03-27T22:30:00Z'), // 23:30 in Brussels, still the 27th
      at('SUNDAY-MORNING', '2021-03-28T09:00:00Z'),
      at('LATE-SUNDAY', '2021-03-28T22:30:00Z'), // summer time since that night: 00:30 on the 29th
    ],
  });
  try {
    const ids = async (from: string, to: string) =>
      (await collect({ baseUrl: server.baseUrl, from, to })).decisions.map((d) => `${d.id} ${d.meetingDate}`);
    assert.deepEqual(await ids('2021-03-27', '2021-03-27'), ['LATE-SATURDAY 2021-03-27']);
    assert.deepEqual(await ids('2021-03-28', '2021-03-28'), ['SUNDAY-MORNING 2021-03-28']);
    assert.deepEqual(await ids('2021-03-29', '2021-03-29'), ['LATE-SUNDAY 2021-03-29']);
  } finally {
    await server.close();
  }
});

describe('when paging stops', () => {
  test('at the reported count, without asking for an empty page', async () => {
    const server = await startReplayServer({ records: someRecords(20) });
    try {
      const { decisions } = await collect({ baseUrl: server.baseUrl, ...ALL_DATES, pageSize: 5 });
      assert.equal(decisions.length, 20);
      assert.deepEqual(server.requests.map((r) => r.page), [0, 1, 2, 3]);
    } finally {
      await server.close();
    }
  });

  test('at a short page', async () => {
    const server = await startReplayServer({ records: someRecords(23), count: () => 1000 });
    try {
      const { decisions } = await collect({ baseUrl: server.baseUrl, ...ALL_DATES, pageSize: 5 });
      assert.equal(decisions.length, 23);
      assert.deepEqual(server.requests.map((r) => r.page), [0, 1, 2, 3, 4]);
    } finally {
      await server.close();
    }
  });

  test('at an empty page when the count is too high', async () => {
    const server = await startReplayServer({ records: someRecords(20), count: () => 1000 });
    try {
      const { decisions } = await collect({ baseUrl: server.baseUrl, ...ALL_DATES, pageSize: 5 });
      assert.equal(decisions.length, 20);
      assert.deepEqual(server.requests.map((r) => r.page), [0, 1, 2, 3, 4]);
    } finally {
      await server.close();
    }
  });

  test('a record pushed onto the next page by a newly published one is yielded once', async () => {
    // Dates one day apart, newest first, so the listing's order is the array's.
    const records: RawRecord[] = someRecords(12).map((record, i) => ({
      ...record,
      attributes: { ...record.attributes, meetingDate: `2023-06-${String(20 - i).padStart(2, '0')}T09:00:00Z` },
    }));
    const model = records[0]!;
    const published = { ...model, id: 'NEWLY-PUBLISHED', attributes: { ...model.attributes, uuid: 'NEWLY-PUBLISHED', meetingDate: '2023-06-21T09:00:00Z' } };
    const shifted = [published, ...records];
    const server = await startReplayServer({
      records,
      // After page 0 was served, the new item appears at the top and every later page shifts by one.
      fault: (request) =>
        request.page > 0 ? { kind: 'json', json: { count: shifted.length, data: shifted.slice(request.page * 5, request.page * 5 + 5) } } : undefined,
    });
    try {
      const { decisions } = await collect({ baseUrl: server.baseUrl, ...ALL_DATES, pageSize: 5 });
      assert.deepEqual(decisions.map((d) => d.id), records.map((r) => r.id), 'each once, in listing order');
      assert.deepEqual(server.requests.map((r) => r.page), [0, 1, 2]);
    } finally {
      await server.close();
    }
  });
});
