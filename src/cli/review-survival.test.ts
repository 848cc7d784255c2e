// Integration: an editor's review outlives `ingest` (which assesses every
// commitment again) and `update`; a decision the update brings that becomes
// evidence for the reviewed promise puts it in the review queue ("nieuw bewijs
// sinds beoordeling") until an editor confirms the review again.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { commitmentHash } from '../assess/verify.js';
import { loadReportContext } from '../report/context.js';
import type { Commitment } from '../report/model.js';
import { promiseRows, reviewQueue } from '../server/promises.js';
import { openSqliteStore } from '../store/sqlite.js';
import { makeDataFolder, sampleDecisionLines } from '../testing/fixture-data.js';
import { startReplayServer } from '../testing/replay-server.js';
import { runCli } from '../testing/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'beloftemeter-review-survival-'));
const db = join(work, 'index.db');
const data = makeDataFolder();
const SECTION = 'justitie/3.4';
const ID = `${SECTION}#1`;

const cli = (args: string[]) => runCli([...args, '--db', db]);

async function machineAndShown(): Promise<{ machine: Commitment; shown: Commitment; queue: ReturnType<typeof reviewQueue> }> {
  const store = openSqliteStore(db, { readonly: true });
  try {
    const context = await loadReportContext(store);
    const machine = context.machineAssessments.get(SECTION)!.find((c) => c.id === ID)!;
    const shown = context.assessments.get(SECTION)!.find((c) => c.id === ID)!;
    return { machine, shown, queue: reviewQueue(await promiseRows(context)) };
  } finally {
    await store.close();
  }
}

async function review(machine: Commitment, revision: number | null): Promise<number> {
  const store = openSqliteStore(db);
  try {
    const key = { agreement: (await store.agreements())[0]!.agreement, sectionId: SECTION, commitmentHash: commitmentHash(machine.text) };
    const at = new Date().toISOString();
    const saved = await store.changeReview({
      key,
      review: {
        ...key,
        status: 'aangekondigd',
        publicNote: 'Alleen aangekondigd; het samenwerkingsakkoord ontbreekt nog.',
        internalNote: 'nagebeld met het kabinet',
        evidence: {},
        seenSources: machine.evidence.map((e) => e.sourceKey),
        machineStatus: machine.status,
        reviewer: 'anna',
        reviewedAt: at,
      },
      machineStatus: machine.status,
      user: 'anna',
      at,
      expectedRevision: revision,
    });
    assert.ok(!('conflict' in saved));
    return saved.revision;
  } finally {
    await store.close();
  }
}

before(async () => {
  const ingest = await cli(['ingest', '--data', data, '--quiet']);
  assert.equal(ingest.code, 0, ingest.stderr);
  // Reviews need an account to name.
  const store = openSqliteStore(db);
  await store.addUser({ name: 'anna', role: 'editor', passwordHash: 'scrypt$1$1$1$AA$AA', createdAt: new Date().toISOString() });
  await store.close();
});

after(() => rmSync(work, { recursive: true, force: true }));

test('a review survives ingest and update; new evidence puts the promise in the queue until it is confirmed', { timeout: 180_000 }, async () => {
  const first = await machineAndShown();
  assert.notEqual(first.machine.status, 'aangekondigd', 'the review changes the status');
  const revision = await review(first.machine, null);

  const reviewed = await machineAndShown();
  assert.equal(reviewed.shown.status, 'aangekondigd');
  assert.equal(reviewed.shown.review?.machine.status, first.machine.status, 'what the machine proposed is kept');
  assert.ok(!reviewed.queue.some((item) => item.id === ID), 'a fresh review is not in the queue');

  // An ingest assesses every commitment again; the review is keyed by the sentence and stays.
  const again = await cli(['ingest', '--data', data, '--quiet']);
  assert.equal(again.code, 0, again.stderr);
  const afterIngest = await machineAndShown();
  assert.equal(afterIngest.shown.status, 'aangekondigd');
  assert.deepEqual(afterIngest.shown.review?.newSources, []);

  // The live API brings a later decision that carries out this very sentence.
  const template = JSON.parse(sampleDecisionLines()[0]!) as { type: string; id: string; attributes: Record<string, unknown> };
  const newId = 'AAAAAAAAAAAAAAAAAAAAAAAA';
  const sentence = first.machine.text;
  const record = {
    ...template,
    id: newId,
    attributes: {
      ...template.attributes,
      uuid: newId,
      title: `Definitieve goedkeuring van het decreet: ${sentence}`,
      alternativeTitle: 'LIVC-R decreet',
      htmlContent: `<p>De Vlaamse Regering keurt definitief goed: ${sentence}</p>`,
      meetingDate: '2024-05-03T12:00:00Z',
      uri: `http://themis.vlaanderen.be/id/nieuwsbrief-info/${newId}`,
    },
  };
  const api = await startReplayServer({ records: [record] });
  try {
    const update = await cli(['update', '--api-url', api.baseUrl, '--from', '2024-05-01', '--quiet']);
    assert.equal(update.code, 0, update.stderr);
  } finally {
    await api.close();
  }
  const afterUpdate = await machineAndShown();
  assert.ok(afterUpdate.machine.evidence.some((e) => e.sourceKey === newId), 'the new decision is evidence for the promise');
  assert.equal(afterUpdate.shown.status, 'aangekondigd', 'the review still wins');
  assert.deepEqual(afterUpdate.shown.review?.newSources, [newId]);
  const queued = afterUpdate.queue.find((item) => item.id === ID);
  assert.equal(queued?.queueReason, 'nieuw-bewijs');
  assert.equal(afterUpdate.queue[0]?.id, ID, 'new evidence comes first in the queue');

  // eval-status measures the machine unless told to measure what readers see.
  const gold = join(work, 'gold.json');
  writeFileSync(gold, JSON.stringify({ sections: { [SECTION]: { commitments: [{ text: sentence, checkable: true, status: 'aangekondigd', evidence: [] }] } } }));
  const machineScore = JSON.parse((await cli(['eval-status', gold, '--json'])).stdout) as { accuracy: number };
  const shownScore = JSON.parse((await cli(['eval-status', gold, '--json', '--with-reviews'])).stdout) as { accuracy: number };
  assert.deepEqual([machineScore.accuracy, shownScore.accuracy], [afterUpdate.machine.status === 'aangekondigd' ? 1 : 0, 1]);

  // Confirming the review again (it saw the new source) takes it out of the queue.
  await review(afterUpdate.machine, revision);
  const confirmed = await machineAndShown();
  assert.ok(!confirmed.queue.some((item) => item.id === ID));
  assert.deepEqual(confirmed.shown.review?.newSources, []);
});
