// Unit tests of the editorial rules: password hashes, login limits, notes,
// and how a review lies over the machine's assessment.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commitmentHash } from '../assess/verify.js';
import type { Commitment } from '../report/model.js';
import type { StoredReview } from '../store/editorial.js';
import { addressLimiter, lockAfterFailure, lockedSeconds } from './login-limit.js';
import { checkPasswordRules, hashPassword, UNKNOWN_USER_HASH, verifyPassword } from './passwords.js';
import { applyReviews, cleanNote, reviewedLabel } from './reviews.js';
import { csrfMatches, hashSessionId, newSession } from './sessions.js';
import { checkUserName } from './accounts.js';

test('passwords: scrypt hashes with their parameters and a fresh salt; only the right password matches', async () => {
  const hash = await hashPassword('correct horse battery');
  assert.match(hash, /^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  assert.notEqual(await hashPassword('correct horse battery'), hash, 'a new salt every time');
  assert.equal(await verifyPassword('correct horse battery', hash), true);
  assert.equal(await verifyPassword('correct horse batterY', hash), false);
  assert.equal(await verifyPassword('', hash), false);
  // The same password in another Unicode normal form is the same password.
  const accented = await hashPassword('café crème brûlée');
  assert.equal(await verifyPassword('cafe\u0301 cre\u0300me bru\u0302le\u0301e', accented), true);
  for (const bad of ['', 'plain', 'bcrypt$2$x$y', 'scrypt$x$y$z$$', UNKNOWN_USER_HASH]) assert.equal(await verifyPassword('correct horse battery', bad), false, bad);
  assert.throws(() => checkPasswordRules('kort'), /minstens 12 tekens/);
  assert.throws(() => checkPasswordRules('x'.repeat(1025)), /hoogstens 1024 tekens/);
  checkPasswordRules('twaalf tekens');
});

test('user names: lower case, a small alphabet, 2 to 40 characters', () => {
  assert.equal(checkUserName(' Anna.Peeters '), 'anna.peeters');
  for (const bad of ['a', '<script>', 'an na', 'x'.repeat(41), '-anna', 'anna/../root']) assert.throws(() => checkUserName(bad), /ongeldige gebruikersnaam/, bad);
});

test('login limits: an account locks after five failures, for longer each time; an address after its maximum', () => {
  const now = new Date('2026-12-02T10:00:00Z');
  assert.equal(lockAfterFailure(4, now), null);
  assert.equal(lockAfterFailure(5, now), '2026-12-02T10:01:00.000Z');
  assert.equal(lockAfterFailure(6, now), '2026-12-02T10:02:00.000Z');
  assert.equal(lockAfterFailure(50, now), '2026-12-02T11:00:00.000Z', 'at most an hour');
  assert.equal(lockedSeconds('2026-12-02T10:01:00.000Z', now), 60);
  assert.equal(lockedSeconds('2026-12-02T09:59:00.000Z', now), 0);
  assert.equal(lockedSeconds(null, now), 0);

  const limiter = addressLimiter(3, 60_000, 2);
  for (let t = 0; t < 3; t++) limiter.failed('10.0.0.1', 1000 + t);
  assert.equal(limiter.blockedFor('10.0.0.1', 2000), 59);
  assert.equal(limiter.blockedFor('10.0.0.1', 61_001), 0, 'the window slides');
  assert.equal(limiter.blockedFor('10.0.0.2', 2000), 0, 'per address');
  limiter.failed('10.0.0.2', 2000);
  limiter.failed('10.0.0.3', 2000);
  assert.equal(limiter.blockedFor('10.0.0.1', 2000), 0, 'the oldest address is forgotten beyond the maximum');
});

test('sessions: a random id, only its hash stored; CSRF tokens compared in full', () => {
  const { id, session } = newSession('anna', new Date('2026-12-02T10:00:00Z'));
  assert.match(id, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(session.idHash, hashSessionId(id));
  assert.notEqual(session.idHash, id);
  assert.equal(session.expiresAt, '2026-12-02T22:00:00.000Z');
  assert.notEqual(newSession('anna').id, id);
  assert.equal(csrfMatches(session.csrfToken, session.csrfToken), true);
  assert.equal(csrfMatches(session.csrfToken.slice(0, -1), session.csrfToken), false);
  assert.equal(csrfMatches(undefined, session.csrfToken), false);
  assert.equal(csrfMatches('', session.csrfToken), false);
});

test('notes are plain text: no control or bidi characters, no citation placeholders, bounded', () => {
  assert.equal(cleanNote('  Eerste regel\r\nTweede\u0000 regel\u202e  '), 'Eerste regel\nTweede regel');
  assert.equal(cleanNote('zie {{cite:VERZONNEN}}'), 'zie cite:VERZONNEN');
  assert.equal(cleanNote('<b>vet</b>'), '<b>vet</b>', 'markup stays text: every view escapes it');
  assert.equal(cleanNote('x'.repeat(5000)).length, 4000);
});

const machine: Commitment = {
  id: 'justitie/3.4#1',
  text: 'We richten LIVC-R op in elke gemeente.',
  start: 0,
  end: 38,
  evidence: [
    { sourceKey: 'A', score: 0.8, sharedTerms: ['livc'] },
    { sourceKey: 'B', score: 0.5, sharedTerms: ['gemeente'] },
    { sourceKey: 'C', score: 0.3, sharedTerms: [] },
  ],
  status: 'gerealiseerd',
  reason: 'Definitieve goedkeuring {{cite:A}}',
  confidence: 'laag',
  confidenceReason: 'te controleren',
  decisiveSourceKey: 'A',
  problems: [{ sourceKey: 'B', quote: 'Het akkoord is er nog niet.' }],
};

const review = (over: Partial<StoredReview> = {}): StoredReview => ({
  agreement: 'regeerakkoord-2019-2024',
  sectionId: 'justitie/3.4',
  commitmentHash: commitmentHash(machine.text),
  revision: 1,
  status: 'in-uitvoering',
  publicNote: 'Het decreet is pas principieel goedgekeurd.',
  internalNote: 'geheim',
  evidence: {},
  seenSources: ['A', 'B', 'C'],
  machineStatus: 'gerealiseerd',
  reviewer: 'anna',
  reviewedAt: '2026-12-02T10:00:00.000Z',
  ...over,
});

test('a review sets status, reason and confidence, keeps the machine proposal, and never carries the internal note', () => {
  const { assessments, orphans } = applyReviews(new Map([['justitie/3.4', [machine]]]), [review()]);
  const shown = assessments.get('justitie/3.4')![0]!;
  assert.equal(shown.status, 'in-uitvoering');
  assert.equal(shown.confidence, 'hoog');
  assert.equal(shown.reason, 'Beoordeeld door de redactie op 2 december 2026: Het decreet is pas principieel goedgekeurd. {{cite:A}}');
  assert.equal(shown.confidenceReason, 'De redactie wijzigde het automatische voorstel ("gerealiseerd").');
  assert.deepEqual(shown.review?.machine, { status: 'gerealiseerd', confidence: 'laag', confidenceReason: 'te controleren', reason: 'Definitieve goedkeuring {{cite:A}}', decisiveSourceKey: 'A' });
  assert.deepEqual(shown.review?.newSources, []);
  assert.ok(!JSON.stringify(shown).includes('geheim'));
  assert.deepEqual(orphans, []);
  assert.equal(reviewedLabel(shown.review!.reviewedAt), 'beoordeeld door de redactie op 2 december 2026');
});

test('rejected evidence leaves the evidence, the decisive source and the signals; accepted evidence is cited', () => {
  const shown = applyReviews(new Map([['justitie/3.4', [machine]]]), [review({ evidence: { A: 'verworpen', B: 'verworpen', C: 'aanvaard' }, publicNote: '' })]).assessments.get('justitie/3.4')![0]!;
  assert.deepEqual(shown.evidence.map((e) => e.sourceKey), ['C']);
  assert.equal(shown.decisiveSourceKey, 'C');
  assert.deepEqual(shown.problems, []);
  assert.equal(shown.reason, 'Beoordeeld door de redactie op 2 december 2026. {{cite:C}}');
  const none = applyReviews(new Map([['justitie/3.4', [machine]]]), [review({ status: 'geen-spoor' })]).assessments.get('justitie/3.4')![0]!;
  assert.equal(none.decisiveSourceKey, null, '"geen spoor" has no decisive source');
});

test('evidence the machine found after the review is flagged; a review of a sentence that is gone is an orphan', () => {
  const later = { ...machine, evidence: [...machine.evidence, { sourceKey: 'D', score: 0.9, sharedTerms: ['livc'] }] };
  const gone = review({ sectionId: 'justitie/3.4', commitmentHash: commitmentHash('Een zin die niet meer bestaat.') });
  const { assessments, orphans } = applyReviews(new Map([['justitie/3.4', [later]]]), [review({ seenSources: ['A', 'B'] }), gone]);
  assert.deepEqual(assessments.get('justitie/3.4')![0]!.review?.newSources, ['C', 'D']);
  assert.deepEqual(orphans, [gone]);
  // The same sentence in another section is another promise.
  const elsewhere = applyReviews(new Map([['justitie/3.5', [machine]]]), [review()]);
  assert.equal(elsewhere.assessments.get('justitie/3.5')![0]!.review, undefined);
});
