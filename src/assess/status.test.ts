import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { join } from 'node:path';
import type { DecisionStage } from '../dossiers/types.js';
import type { Decision, ParliamentDocument } from '../model/documents.js';
import type { CommitmentStatus, Evidence, Source } from '../report/model.js';
import { readParliamentFolder } from '../sources/parliament/index.js';
import { BUNDLED_DATA, bundledDecisions } from '../testing/fixture-data.js';
import type { CommitmentSpan } from './commitments.js';
import {
  assessCommitment,
  CANDIDATE_PROBABILITY,
  isNegativePromise,
  NO_EVIDENCE_REASON,
  REALISED_PROBABILITY,
  statusDescriptions,
  statusLabels,
  TRACE_PROBABILITY,
} from './status.js';

// Real decisions of the bundled export; the stage of each was chosen by reading its body.
const LIVC_DOSSIER = '5F0D5B16FA87E000080004A0';
const STAGES: Record<string, DecisionStage> = {
  // "hecht de Vlaamse Regering haar principiële goedkeuring aan het voorontwerp van decreet" (LIVC-R)
  '5F0D5B16FA87E000080004A0': 'principiele-goedkeuring',
  // "na advies van de VTC, opnieuw haar principiële goedkeuring"
  '5F9936BF5B1AD200080003A6': 'tweede-principiele-goedkeuring',
  // "na advies van de VLOR, ... opnieuw haar principiële goedkeuring"; then to the Raad van State
  '5FD8E0F96B34EF0008000A98': 'tweede-principiele-goedkeuring',
  // "na advies van de Raad van State, haar definitieve goedkeuring aan het ontwerpdecreet"
  '603F6012339140000800035B': 'definitieve-goedkeuring',
  // "beslist tot bekrachtiging en afkondiging van het decreet"
  '60A3B2AA364ED90008000362': 'bekrachtiging',
  // "Aanstellen van een verbindingsofficier met veiligheidsmachtiging": the officer is assigned
  '5E4B9B2AA19C1A0008000182': 'uitvoering',
  // "stemt in met de visienota 'Beleidsmaatregelen voor de her- en nevenbestemming van parochiekerken'"
  '60ED7BA6364ED9000800147C': 'visie',
  // "Rapportage actieplan ter preventie van gewelddadige radicalisering" (Mededeling)
  '63C5790617E4B551F4BD0509': 'mededeling',
};
const LIVC_DECISIONS = new Set([
  '5F0D5B16FA87E000080004A0',
  '5F9936BF5B1AD200080003A6',
  '5FD8E0F96B34EF0008000A98',
  '603F6012339140000800035B',
  '60A3B2AA364ED90008000362',
]);

const QUESTION_294 = 'parlement/schriftelijke-vraag-294-2022-livc-r-samenwerkingsakkoord';
const SLIDES = 'parlement/commissie-2022-09-27-terugkoppeling-verbindingsofficier';

const decisions = new Map<string, Decision>();
let parliament: ParliamentDocument[] = [];

before(async () => {
  for (const decision of await bundledDecisions()) if (decision.id in STAGES) decisions.set(decision.id, decision);
  parliament = (await readParliamentFolder(join(BUNDLED_DATA, 'parlement'))).documents;
});

/** A decision source as the report builds it, with the stage chosen above; `inDossier` adds the LIVC dossier id. */
function decision(id: string, options: { inDossier?: boolean; stage?: DecisionStage | null } = {}): Source {
  const found = decisions.get(id);
  assert.ok(found, `decision ${id} is in the bundled data`);
  const source: Source = {
    key: found.id,
    type: 'decision',
    title: found.title,
    date: found.meetingDate,
    uri: found.uri,
    snippet: found.bodyText.slice(0, 200),
    mandatees: found.mandatees.map((m) => m.name),
  };
  const stage = options.stage === undefined ? STAGES[id] : options.stage;
  if (stage !== null && stage !== undefined) source.stage = stage;
  if (options.inDossier === true && LIVC_DECISIONS.has(id)) source.dossierId = LIVC_DOSSIER;
  return source;
}

function parliamentSource(id: string): Source {
  const document = parliament.find((d) => d.id === id);
  assert.ok(document, `parliament document ${id} is in the bundled data`);
  return { key: document.id, type: 'parliament', title: document.title, date: document.date, uri: document.uri, snippet: document.text.slice(0, 200) };
}

function parliamentById(): Map<string, { text: string }> {
  return new Map(parliament.map((d) => [d.id, d]));
}

// Commitments of justitie/3.4 and onroerend erfgoed, quoted from the agreement.
const DECREE: CommitmentSpan = {
  id: 'justitie/3.4#1',
  text: 'We creëren een decretaal kader zodat medewerkers van Vlaamse diensten en voorzieningen kunnen deelnemen aan een LIVC-R zonder dat ze daarbij hun eventuele beroepsgeheim schenden.',
  start: 0,
  end: 0,
};
const OFFICER: CommitmentSpan = {
  id: 'justitie/3.4#2',
  text: 'Om de informatiepositie van de Vlaamse overheid te versterken, wordt een verbindingsofficier met veiligheidsmachtiging geïnstalleerd, die de informatie-uitwisseling tussen federale inlichtingen- en veiligheidsdiensten en diensten en voorzieningen van de Vlaamse overheid coördineert.',
  start: 0,
  end: 0,
};
const CHURCHES: CommitmentSpan = {
  id: 'onroerend-erfgoed/7.2.2#1',
  text: 'We schrijven in de Onroerenderfgoedregelgeving stimulerende en sensibiliserende maatregelen ter bevordering van het herbestemmen van parochiekerken in.',
  start: 0,
  end: 0,
};

function assess(commitment: CommitmentSpan, scored: Array<[Source, number]>, withTexts = true) {
  const sources = new Map(scored.map(([source]) => [source.key, source]));
  const evidence: Evidence[] = scored
    .map(([source, score]) => ({ sourceKey: source.key, score, sharedTerms: [] }))
    .sort((a, b) => b.score - a.score);
  return assessCommitment({ commitment, evidence, sources, parliament: withTexts ? parliamentById() : undefined });
}

describe('assessCommitment', () => {
  it('gerealiseerd with strong evidence: the furthest stage of the matched dossier is decisive', () => {
    const result = assess(DECREE, [
      [decision('5F0D5B16FA87E000080004A0', { inDossier: true }), 0.8],
      [decision('5F9936BF5B1AD200080003A6', { inDossier: true }), 0.8],
      [decision('603F6012339140000800035B', { inDossier: true }), 0.8],
      [decision('60A3B2AA364ED90008000362', { inDossier: true }), 0.8],
    ]);
    assert.equal(result.status, 'gerealiseerd');
    assert.equal(result.confidence, 'hoog');
    assert.equal(result.decisiveSourceKey, '60A3B2AA364ED90008000362');
    assert.match(result.reason, /^Bekrachtiging op 21 mei 2021: Vlaamse deelname aan lokale integrale veiligheidscellen/);
    assert.deepEqual(result.problems, []);
  });

  it('gerealiseerd: the liaison officer was assigned (an implementing decision that matches strongly)', () => {
    const result = assess(OFFICER, [[decision('5E4B9B2AA19C1A0008000182'), REALISED_PROBABILITY]]);
    assert.equal(result.status, 'gerealiseerd');
    assert.equal(result.confidence, 'hoog');
    assert.equal(result.reason, 'Uitvoeringsbeslissing op 21 februari 2020: Aanstellen van een verbindingsofficier met veiligheidsmachtiging {{cite:5E4B9B2AA19C1A0008000182}}');
  });

  it('in-uitvoering: a final approval that matches less strongly may cover only part of the commitment', () => {
    const result = assess(DECREE, [[decision('603F6012339140000800035B'), (TRACE_PROBABILITY + REALISED_PROBABILITY) / 2]]);
    assert.equal(result.status, 'in-uitvoering');
    assert.equal(result.confidence, 'laag');
    assert.match(result.confidenceReason, /gedeeltelijk/);
    assert.equal(result.reason, 'Definitieve goedkeuring op 5 maart 2021: Vlaamse deelname aan lokale integrale veiligheidscellen rond radicalisme, extremisme en terrorisme: machtigingsdecreet {{cite:603F6012339140000800035B}}');
  });

  it('in-uitvoering: only principled approvals, however strong the match', () => {
    const result = assess(DECREE, [
      [decision('5F0D5B16FA87E000080004A0'), 0.9],
      [decision('5F9936BF5B1AD200080003A6'), 0.85],
    ]);
    assert.equal(result.status, 'in-uitvoering');
    assert.equal(result.confidence, 'laag');
    assert.equal(result.decisiveSourceKey, '5F0D5B16FA87E000080004A0');
    assert.match(result.reason, /^Principiële goedkeuring op 17 juli 2020: /);
  });

  it('a decision of another dossier never becomes decisive through a match it did not earn', () => {
    // The best match is the principled approval; the vision note on churches scores lower and is no step of its dossier.
    const result = assess(DECREE, [
      [decision('5F0D5B16FA87E000080004A0', { inDossier: true }), 0.6],
      [decision('60ED7BA6364ED9000800147C'), 0.55],
    ]);
    assert.equal(result.decisiveSourceKey, '5F0D5B16FA87E000080004A0');
  });

  it('aangekondigd: only a vision note', () => {
    const result = assess(CHURCHES, [[decision('60ED7BA6364ED9000800147C'), 0.6]]);
    assert.equal(result.status, 'aangekondigd');
    assert.equal(result.confidence, 'laag');
    assert.equal(
      result.reason,
      "Visienota op 16 juli 2021: Visienota 'Beleidsmaatregelen voor de her- en nevenbestemming van parochiekerken in Vlaanderen' {{cite:60ED7BA6364ED9000800147C}}",
    );
  });

  it('aangekondigd: a communication and a parliamentary document; the decision is decisive', () => {
    const result = assess(DECREE, [
      [parliamentSource(QUESTION_294), 0.9],
      [decision('63C5790617E4B551F4BD0509'), 0.7],
    ]);
    assert.equal(result.status, 'aangekondigd');
    assert.equal(result.decisiveSourceKey, '63C5790617E4B551F4BD0509');
    assert.match(result.reason, /^Mededeling op 20 januari 2023: Rapportage actieplan ter preventie van gewelddadige radicalisering/);
  });

  it('in-uitvoering: a matching decision without a known stage is a trace, never a realisation', () => {
    const result = assess(DECREE, [[decision('603F6012339140000800035B', { stage: null }), 0.9]]);
    assert.equal(result.status, 'in-uitvoering');
    assert.equal(result.confidence, 'laag');
    assert.match(result.reason, /^Beslissing op 5 maart 2021: /);
  });

  it('aangekondigd: only question 294, which signals that the cooperation agreement is missing', () => {
    const result = assess(DECREE, [[parliamentSource(QUESTION_294), 0.8]]);
    assert.equal(result.status, 'aangekondigd');
    assert.equal(result.decisiveSourceKey, QUESTION_294);
    assert.match(result.reason, /^Parlementair document van 26 april 2022: Lokale integrale veiligheidscellen inzake radicalisme, extremisme en terrorisme/);
    assert.ok(result.reason.endsWith(`{{cite:${QUESTION_294}}}`));
    assert.ok(result.problems.every((p) => p.sourceKey === QUESTION_294));
    assert.ok(result.problems.some((p) => p.quote.startsWith('Dat samenwerkingsakkoord is er nog niet')));
  });

  it('aangekondigd: an undated parliamentary question says so, and quotes its signal', () => {
    const framework = 'parlement/schriftelijke-vraag-kader-gegevensuitwisseling-livc';
    const result = assess(DECREE, [[parliamentSource(framework), 0.5]]);
    assert.equal(result.status, 'aangekondigd');
    assert.equal(
      result.reason,
      `Parlementair document zonder gekende datum: Bestrijding radicalisering - Kader gegevensuitwisseling {{cite:${framework}}}`,
    );
    assert.deepEqual(result.problems, [
      { sourceKey: framework, quote: 'Vooralsnog is er geen berichtgeving geweest dat dit kader is uitgewerkt.' },
    ]);
  });

  it('betwist: a ratified decree while question 294 reports the missing agreement keeps its status at low confidence', () => {
    const withQuestion = assess(DECREE, [
      [decision('60A3B2AA364ED90008000362'), 0.9],
      [parliamentSource(QUESTION_294), 0.7],
    ]);
    assert.equal(withQuestion.status, 'gerealiseerd');
    assert.equal(withQuestion.confidence, 'laag');
    assert.match(withQuestion.confidenceReason, /^Betwist/);
    assert.equal(withQuestion.decisiveSourceKey, '60A3B2AA364ED90008000362');
    const quotes = withQuestion.problems.map((p) => p.quote);
    assert.ok(quotes.includes('Dat samenwerkingsakkoord is er nog niet en dus blijven er onduidelijkheden.'), quotes.join(' | '));
    // Without the texts there is nothing to quote: the status stands, with high confidence.
    const withoutTexts = assess(DECREE, [
      [decision('60A3B2AA364ED90008000362'), 0.9],
      [parliamentSource(QUESTION_294), 0.7],
    ], false);
    assert.equal(withoutTexts.status, 'gerealiseerd');
    assert.equal(withoutTexts.confidence, 'hoog');
    assert.deepEqual(withoutTexts.problems, []);
  });

  it('a matching parliamentary document contributes its problems; a same-topic candidate does not', () => {
    const result = assess(OFFICER, [
      [decision('5E4B9B2AA19C1A0008000182'), 1],
      [parliamentSource(SLIDES), TRACE_PROBABILITY],
    ]);
    assert.equal(result.status, 'gerealiseerd');
    assert.ok(result.problems.some((p) => p.sourceKey === SLIDES && p.quote.includes('= negatief')));
    const candidateOnly = assess(OFFICER, [
      [decision('5E4B9B2AA19C1A0008000182'), 1],
      [parliamentSource(SLIDES), CANDIDATE_PROBABILITY],
    ]);
    assert.deepEqual(candidateOnly.problems, []);
    assert.equal(candidateOnly.confidence, 'hoog');
  });

  it('a promise not to do something is never sure: "geen brede eerste graad wordt uitgerold"', () => {
    const negative: CommitmentSpan = { ...DECREE, text: 'We zorgen ervoor dat er geen brede eerste graad wordt uitgerold in het secundair onderwijs.' };
    assert.ok(isNegativePromise(negative.text));
    assert.ok(!isNegativePromise(DECREE.text));
    const result = assess(negative, [[decision('60A3B2AA364ED90008000362'), 0.9]]);
    assert.equal(result.status, 'gerealiseerd');
    assert.equal(result.confidence, 'laag');
  });

  it('geen-spoor: nothing matches well enough; same-topic sources are named as candidates to check', () => {
    const weak = assess(DECREE, [[decision('603F6012339140000800035B'), (CANDIDATE_PROBABILITY + TRACE_PROBABILITY) / 2]]);
    assert.equal(weak.status, 'geen-spoor');
    assert.equal(weak.confidence, 'laag');
    assert.equal(weak.decisiveSourceKey, null);
    assert.match(weak.confidenceReason, /één bron over hetzelfde onderwerp/);
    for (const result of [
      assess(DECREE, []),
      assessCommitment({ commitment: DECREE, evidence: [{ sourceKey: 'onbekend', score: 1, sharedTerms: [] }], sources: new Map() }),
    ]) {
      assert.equal(result.status, 'geen-spoor');
      assert.equal(result.reason, NO_EVIDENCE_REASON);
      assert.equal(result.decisiveSourceKey, null);
      assert.deepEqual(result.problems, []);
      assert.match(result.confidenceReason, /Ook geen bron/);
    }
  });
});

describe('status labels and descriptions', () => {
  it('give every status a Dutch label and a short legend', () => {
    const statuses: CommitmentStatus[] = ['gerealiseerd', 'in-uitvoering', 'aangekondigd', 'geen-spoor'];
    assert.deepEqual(
      statuses.map((s) => statusLabels[s]),
      ['gerealiseerd', 'in uitvoering', 'aangekondigd', 'geen spoor'],
    );
    for (const status of statuses) {
      const description = statusDescriptions[status];
      assert.match(description, /^\p{Lu}.*\.$/u);
      assert.ok(description.split(/[.!?](?:\s|$)/).filter((part) => part.trim() !== '').length <= 2, `${status}: at most two sentences`);
    }
    assert.deepEqual(Object.keys(statusLabels).sort(), [...statuses].sort());
  });
});
