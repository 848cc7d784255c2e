import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Decision } from '../model/documents.js';
import { bundledDecisions } from '../testing/fixture-data.js';
import { dossierIndex, groupDossiers, groupingInternals } from './group.js';
import { stageRank } from './stage.js';
import type { DecisionStage, Dossier } from './types.js';

let grouped: Promise<{ decisions: Decision[]; dossiers: Dossier[]; byDecision: Map<string, Dossier>; ms: number }> | undefined;

function bundledDossiers() {
  grouped ??= (async () => {
    const decisions = await bundledDecisions();
    const started = performance.now();
    const dossiers = groupDossiers(decisions);
    const ms = performance.now() - started;
    return { decisions, dossiers, byDecision: dossierIndex(dossiers), ms };
  })();
  return grouped;
}

async function dossierOf(decisionId: string): Promise<Dossier> {
  const { byDecision } = await bundledDossiers();
  const dossier = byDecision.get(decisionId);
  assert.ok(dossier, `decision ${decisionId} is in a dossier`);
  return dossier;
}

function stepsOf(dossier: Dossier): [string, string, DecisionStage][] {
  return dossier.steps.map((step) => [step.decisionId, step.date, step.stage]);
}

test('LIVC: the reworded titles form one dossier from first approval to ratification', async () => {
  const dossier = await dossierOf('603F6012339140000800035B');
  assert.deepEqual(stepsOf(dossier), [
    ['5F0D5B16FA87E000080004A0', '2020-07-17', 'principiele-goedkeuring'],
    ['5F9936BF5B1AD200080003A6', '2020-10-30', 'tweede-principiele-goedkeuring'],
    ['5FD8E0F96B34EF0008000A98', '2020-12-18', 'tweede-principiele-goedkeuring'],
    ['603F6012339140000800035B', '2021-03-05', 'definitieve-goedkeuring'],
    ['60A3B2AA364ED90008000362', '2021-05-21', 'bekrachtiging'],
  ]);
  assert.equal(dossier.id, '5F0D5B16FA87E000080004A0');
  assert.equal(dossier.firstDate, '2020-07-17');
  assert.equal(dossier.lastDate, '2021-05-21');
  assert.equal(dossier.furthestStage, 'bekrachtiging');
  assert.equal(dossier.title, 'Vlaamse deelname aan lokale integrale veiligheidscellen rond radicalisme, extremisme en terrorisme');
  assert.deepEqual(
    dossier.steps.map((step) => step.stageLabel),
    ['principiële goedkeuring', 'tweede principiële goedkeuring', 'tweede principiële goedkeuring', 'definitieve goedkeuring', 'bekrachtiging en afkondiging'],
  );
  // The LIVC handbook (a communication) and the VVSG grant are about LIVC but are no steps of the decree.
  for (const other of ['60E422', '61AF16']) {
    const { decisions } = await bundledDossiers();
    const decision = decisions.find((candidate) => candidate.id.startsWith(other) && /LIVC|veiligheidscel/i.test(candidate.title));
    assert.ok(decision, `bundled decision ${other}`);
    assert.notEqual((await dossierOf(decision.id)).id, dossier.id, decision.title);
  }
});

test('parochiekerken: four stages of the amending decree, title without stage words', async () => {
  const dossier = await dossierOf('6268E7271C4A193816C2FB2E');
  assert.deepEqual(stepsOf(dossier), [
    ['6268E7271C4A193816C2FB2E', '2022-04-29', 'principiele-goedkeuring'],
    ['62A8A8E494D257C3524667BE', '2022-06-17', 'tweede-principiele-goedkeuring'],
    ['6318B4DE9531BD6B9732C66A', '2022-09-09', 'definitieve-goedkeuring'],
    ['636CA47934B8770AF8FDE394', '2022-11-10', 'bekrachtiging'],
  ]);
  assert.equal(dossier.title, 'Her- of nevenbestemming (voormalige) parochiekerken');
  assert.equal(dossier.furthestStage, 'bekrachtiging');
});

// Multi-stage dossiers checked by hand: titles, formal titles and bodies of
// every step read, the stages in order, the minister the same.
const VERIFIED: readonly { name: string; steps: readonly [string, DecisionStage][]; title: string }[] = [
  {
    name: 'Verzameldecreet MOW (stale formal titles, body decides the stage)',
    title: 'Verzameldecreet MOW met diverse bepalingen over het gemeenschappelijk vervoer, het algemeen mobiliteitsbeleid, de weginfrastructuur en het wegenbeleid, en de waterinfrastructuur en het waterbeleid',
    steps: [
      ['5E6149FD5A2F580008000053', 'principiele-goedkeuring'],
      ['5E8C29B314A4990008000420', 'tweede-principiele-goedkeuring'],
      ['5EE86C95AD269200080000CE', 'definitieve-goedkeuring'],
      ['5F7EC95A0379AD0008000403', 'bekrachtiging'],
    ],
  },
  {
    name: 'Versterking lokale democratie (a year from first approval to ratification)',
    title: 'Versterking lokale democratie',
    steps: [
      ['5F0D5AC7FA87E0000800048F', 'principiele-goedkeuring'],
      ['60227EBC6B34EF00080002D3', 'tweede-principiele-goedkeuring'],
      ['6089185A364ED900080009ED', 'definitieve-goedkeuring'],
      ['60F12857364ED90008001799', 'bekrachtiging'],
    ],
  },
  {
    name: 'Mediadecreet, audiovisual media directive (display titles reworded three times)',
    title: 'Richtlijn aanbieden audiovisuele mediadiensten',
    steps: [
      ['5EF1AD96AD26920008000504', 'principiele-goedkeuring'],
      ['5F8EA3B15B1AD2000800020C', 'tweede-principiele-goedkeuring'],
      ['600148ED6B34EF000800003E', 'tweede-principiele-goedkeuring'],
      ['60191E226B34EF00090004C6', 'definitieve-goedkeuring'],
      ['60545E0633914000080002F7', 'bekrachtiging'],
    ],
  },
  {
    name: 'Decreet Leersteun',
    title: 'Decreet Leersteun',
    steps: [
      ['62C42F5D8E6C4430A8897824', 'principiele-goedkeuring'],
      ['6374B0A534B8770AF8FDE91C', 'tweede-principiele-goedkeuring'],
      ['6407353193165640DEAF5AC9', 'definitieve-goedkeuring'],
      ['6453BF8C878C11494CF54331', 'bekrachtiging'],
    ],
  },
  {
    name: 'Integriteitsbeoordeling (first title "Oprichting Dienst integriteitsbeoordeling")',
    title: 'Decreet over de bevordering van de integriteitsbeoordeling door het openbaar bestuur',
    steps: [
      ['63D3B79817E4B551F4BD13AD', 'principiele-goedkeuring'],
      ['6476E8B88E8235823F6B8A48', 'tweede-principiele-goedkeuring'],
      ['650A9DCA3605E1AC863BFA22', 'definitieve-goedkeuring'],
      ['65853B1FE2E2C9E5814C2D47', 'bekrachtiging'],
    ],
  },
  {
    name: 'Recovery-plan tourism call: rules, then the grants',
    title: "Plan Vlaamse Veerkracht: Subsidiëring toeristische projecten 'Vlaamse Meesters', 'natuur' en 'culinaire belevingen'",
    steps: [
      ['622875B16BB7B593CFC18489', 'principiele-goedkeuring'],
      ['626117481C4A193816C2F457', 'definitieve-goedkeuring'],
      ['6392F0FEC2B90D4571CF7D80', 'uitvoering'],
    ],
  },
  {
    name: 'Recovery-plan placeholder title "dossier 99" linked by its formal title',
    title: 'Plan Vlaamse Veerkracht: Oproepen erfgoedpremie 2021',
    steps: [
      ['60A529E0364ED90008000396', 'principiele-goedkeuring'],
      ['60DB2F45364ED90008000366', 'definitieve-goedkeuring'],
    ],
  },
  {
    name: 'Bekwaamheidsbewijzen volwassenenonderwijs 2023: the closer first approval starts the file',
    title: 'Bekwaamheidsbewijzen volwassenenonderwijs',
    steps: [
      ['646CB2F58E8235823F6B826A', 'principiele-goedkeuring'],
      ['64EDF9213605E1AC863BD712', 'definitieve-goedkeuring'],
    ],
  },
];

test('multi-stage dossiers verified by hand come out whole, in order, with a readable title', async () => {
  for (const expected of VERIFIED) {
    const dossier = await dossierOf(expected.steps[0]![0]);
    assert.deepEqual(
      dossier.steps.map((step) => [step.decisionId, step.stage]),
      expected.steps,
      expected.name,
    );
    assert.equal(dossier.id, expected.steps[0]![0], expected.name);
    assert.equal(dossier.title, expected.title, expected.name);
  }
});

// Pairs that share a subject, a minister and compatible stages, and must stay apart.
const NEAR_MISSES: readonly [string, string, string][] = [
  ['6268E7271C4A193816C2FB2E', '651D179E7FDB1A5D07827A9C', 'parochiekerken decree vs an order amending the Onroerenderfgoedbesluit that also mentions parochiekerken'],
  ['62CD7D448E6C4430A88988A2', '63DA26322E929B312AB5C5DA', 'decree on the premie kwalificerend werkplekleren vs its implementing order (same display title once stage words go)'],
  ['6228781A6BB7B593CFC1848B', '6392F0FEC2B90D4571CF7D80', 'two recovery-plan tourism calls: "fietsen en bierbeleving" vs "Vlaamse Meesters"'],
  ['60EE99FC364ED900080014DD', '62CD47AA8E6C4430A8898814', 'recovery-plan ICT means for schools: 2021 rules vs 2022 rules'],
  ['63983963C2B90D4571CF86EC', '63FE0CCC93165640DEAF537B', 'WVG merger: order amending other orders vs order founding the department (display titles 0.85 alike)'],
  ['5FD9DB496B34EF0008000AED', '61DEA7AC364ED900080009AA', 'new training profiles for adult education: 2020 round vs 2022 round'],
  ['5F1099D4FA87E00008000993', '60545B3433914000080002F2', 'COVID-19 support for sport: 2020 grant order vs 2021 rules'],
  ['62971C672071A7D754F1833D', '646CB2F58E8235823F6B826A', 'bekwaamheidsbewijzen volwassenenonderwijs: the 2022 file vs the 2023 file'],
];

test('near-miss pairs stay in different dossiers', async () => {
  for (const [a, b, why] of NEAR_MISSES) {
    assert.notEqual((await dossierOf(a)).id, (await dossierOf(b)).id, why);
  }
});

test('the similarity that keeps the WVG merger orders apart is the formal title', async () => {
  const { decisions } = await bundledDossiers();
  const prepared = groupingInternals.prepare(decisions);
  const weights = groupingInternals.termWeights(prepared);
  const find = (id: string) => prepared.find((item) => item.decision.id === id)!;
  const a = find('63983963C2B90D4571CF86EC');
  const b = find('63FE0CCC93165640DEAF537B');
  assert.ok(groupingInternals.compatible(a, b), 'stages, dates, form and minister allow a link');
  const score = groupingInternals.similarity(a, b, weights);
  assert.ok(score.title > 0.8, `display titles alike: ${score.title}`);
  assert.ok(score.formal !== null && score.formal < 0.3, `formal titles differ: ${score.formal}`);
  assert.equal(groupingInternals.titlesAgree(score), false);
});

test('every decision is in exactly one dossier, and dossiers keep their invariants', async (t) => {
  const { decisions, dossiers, byDecision, ms } = await bundledDossiers();
  t.diagnostic(`groupDossiers on ${decisions.length} decisions: ${ms.toFixed(0)} ms (first run in this process)`);
  const seen = new Set<string>();
  for (const dossier of dossiers) {
    assert.ok(dossier.steps.length >= 1);
    assert.equal(dossier.id, dossier.steps[0]!.decisionId, 'id is the earliest decision');
    assert.equal(dossier.firstDate, dossier.steps[0]!.date);
    assert.equal(dossier.lastDate, dossier.steps[dossier.steps.length - 1]!.date);
    assert.ok(dossier.title.length > 0);
    for (let i = 1; i < dossier.steps.length; i++) {
      assert.ok(dossier.steps[i - 1]!.date < dossier.steps[i]!.date, `${dossier.id}: steps on distinct, increasing dates`);
    }
    const furthest = Math.max(...dossier.steps.map((step) => stageRank(step.stage)));
    assert.equal(stageRank(dossier.furthestStage), furthest, dossier.id);
    const stages = dossier.steps.map((step) => step.stage);
    if (stages.length > 1) {
      assert.ok(!stages.includes('mededeling') && !stages.includes('overig'), `${dossier.id}: only path stages join`);
      assert.ok(stages.filter((stage) => stage === 'bekrachtiging').length <= 1, `${dossier.id}: one ratification`);
      assert.ok(stages.filter((stage) => stage === 'principiele-goedkeuring').length <= 1, `${dossier.id}: one first approval`);
    }
    for (const step of dossier.steps) {
      assert.ok(!seen.has(step.decisionId), `${step.decisionId} in one dossier only`);
      seen.add(step.decisionId);
      assert.equal(byDecision.get(step.decisionId), dossier);
    }
  }
  assert.equal(seen.size, decisions.length);
  const multi = dossiers.filter((dossier) => dossier.steps.length > 1);
  t.diagnostic(`${dossiers.length} dossiers, ${multi.length} with 2+ steps, largest ${Math.max(...multi.map((d) => d.steps.length))} steps`);
  assert.ok(multi.length > 300, 'many files pass through several stages');
});

test('grouping is deterministic and does not depend on input order', async () => {
  const { decisions, dossiers } = await bundledDossiers();
  const reversed = groupDossiers([...decisions].reverse());
  const key = (list: Dossier[]) => list.map((dossier) => `${dossier.id}:${dossier.steps.map((step) => step.decisionId).join(',')}`).sort();
  assert.deepEqual(key(reversed), key(dossiers));
});

test('an empty input gives no dossiers; a lone decision is a dossier of one step', async () => {
  assert.deepEqual(groupDossiers([]), []);
  const { decisions } = await bundledDossiers();
  const lone = decisions.find((decision) => decision.id === '636CA47934B8770AF8FDE394')!;
  const [dossier, ...rest] = groupDossiers([lone]);
  assert.equal(rest.length, 0);
  assert.deepEqual(stepsOf(dossier!), [['636CA47934B8770AF8FDE394', '2022-11-10', 'bekrachtiging']]);
  assert.equal(dossier!.title, 'Her- of nevenbestemming (voormalige) parochiekerken');
});
