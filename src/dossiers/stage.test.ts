import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Decision } from '../model/documents.js';
import { bundledDecision, bundledDecisions } from '../testing/fixture-data.js';
import { classifyStage, explainStage, stageLabel, stageRank, type StageInput } from './stage.js';
import type { DecisionStage } from './types.js';

// Real decisions, each read by hand (title, formal title and body) before
// being pinned here; the comment says what makes the case.
const PINNED: readonly (readonly [string, DecisionStage, string])[] = [
  // The two example dossiers, every step.
  ['5F0D5B16FA87E000080004A0', 'principiele-goedkeuring', 'LIVC: "keurt ... principieel goed"'],
  ['5F9936BF5B1AD200080003A6', 'tweede-principiele-goedkeuring', 'LIVC: "na advies ... opnieuw haar principiële goedkeuring"'],
  ['5FD8E0F96B34EF0008000A98', 'tweede-principiele-goedkeuring', 'LIVC: a third approval, again "opnieuw"'],
  ['603F6012339140000800035B', 'definitieve-goedkeuring', 'LIVC: Ontwerpdecreet, "definitieve goedkeuring"'],
  ['60A3B2AA364ED90008000362', 'bekrachtiging', 'LIVC: "Bekrachtiging en afkondiging van het decreet"'],
  ['5E4B9B2AA19C1A0008000182', 'uitvoering', 'liaison officer: a Nota whose body decides in the present tense ("wijst de Vlaamse Regering ... toe")'],
  ['6268E7271C4A193816C2FB2E', 'principiele-goedkeuring', 'parochiekerken: voorontwerp'],
  ['62A8A8E494D257C3524667BE', 'tweede-principiele-goedkeuring', 'parochiekerken: "opnieuw principieel ... goed"'],
  ['6318B4DE9531BD6B9732C66A', 'definitieve-goedkeuring', 'parochiekerken: ontwerp van wijzigingsdecreet'],
  ['636CA47934B8770AF8FDE394', 'bekrachtiging', 'parochiekerken: wijzigingsdecreet ratified'],
  // The body decides when the formal title is stale or silent.
  ['5EE86D0AAD269200080000DD', 'definitieve-goedkeuring', 'formal title "Voorontwerp van besluit", body "wijzigt ... definitief"'],
  ['5F7EC95A0379AD0008000403', 'bekrachtiging', 'formal title "Voorontwerp van decreet", body "bekrachtiging en afkondiging"'],
  ['5E4B9BEDA19C1A000800019A', 'principiele-goedkeuring', 'pronoun subject: "Daarom wijzigt ze nu principieel"'],
  ['5ECCC0A0FE23BF00080000CF', 'definitieve-goedkeuring', 'history sentence "Op 6 maart 2020 keurde ..." skipped'],
  ['654B5DA99DAB6626D11E6260', 'tweede-principiele-goedkeuring', 'voorontwerp, "na adviezen ... wijzigt ... opnieuw"'],
  ['5EBA496AFE23BF000800018A', 'principiele-goedkeuring', 'spatial plan: "voorlopige vaststelling"'],
  ['5E2FFD729B66390008000440', 'definitieve-goedkeuring', 'spatial plan: "tot definitieve vaststelling"'],
  // Words that look like a stage but are not one.
  ['60C9BAE1364ED900080003F4', 'principiele-goedkeuring', 'a voorontwerp of a decree "tot bekrachtiging van sommige bepalingen"'],
  ['6230A3676BB7B593CFC189BC', 'visie', '"Bekrachtiging Vlaamse datastrategie" endorses a strategy'],
  ['638F13C0C2B90D4571CF7554', 'uitvoering', '"De principiële goedkeuring van het hervormingstraject is ..." is no act'],
  // Other stages.
  ['60ED7BA6364ED9000800147C', 'visie', 'Visienota'],
  ['64A2F82C2D77B42474D4F22B', 'visie', 'recovery project that is a spending review plan'],
  ['5DDCDDBB5084E700080000D5', 'uitvoering', 'Ontwerpbesluit tot toekenning van een subsidie'],
  ['5FDC609D6B34EF0008000DA3', 'uitvoering', 'agreement with BRUZZ'],
  ['64AC1BDE0592342F299DB06C', 'uitvoering', 'Mededeling about subsidies granted'],
  ['62389AB36BB7B593CFC18C43', 'mededeling', 'progress report on an action plan'],
  ['650D42E63605E1AC863BFCBF', 'overig', 'position on a federal draft law (Voorontwerp van wet)'],
  ['65816809E2E2C9E5814C20B2', 'overig', 'appointment of a secretary-general'],
];

test('pinned real decisions get the stage read by hand', async () => {
  for (const [id, expected, why] of PINNED) {
    const decision = await bundledDecision(id);
    assert.equal(classifyStage(decision), expected, `${id} (${why}): ${decision.title}`);
  }
});

test('"een definitief ondersteuningsmodel" is an adjective, not a final approval', async () => {
  const decision = await bundledDecision('5DB00B975084E7000800031C');
  assert.notEqual(classifyStage(decision), 'definitieve-goedkeuring');
});

function input(overrides: Partial<StageInput>): StageInput {
  return { title: 'Onderwerp', shortTitle: null, bodyText: '', itemType: 'Nota', ...overrides };
}

test('the body beats a stale formal title, in both directions', () => {
  const stale = 'Voorontwerp van besluit van de Vlaamse Regering tot wijziging van het Energiebesluit';
  assert.equal(
    classifyStage(input({ shortTitle: stale, bodyText: 'Na advies van de Raad van State wijzigt de Vlaamse Regering definitief het Energiebesluit.' })),
    'definitieve-goedkeuring',
  );
  assert.equal(
    classifyStage(input({ shortTitle: 'Ontwerpdecreet tot wijziging van het Mediadecreet', bodyText: 'Na advies van de Raad van State wijzigt de Vlaamse Regering opnieuw principieel het Mediadecreet.' })),
    'tweede-principiele-goedkeuring',
  );
});

test('without a body the formal title decides', () => {
  assert.equal(classifyStage(input({ shortTitle: 'Voorontwerp van decreet over leersteun' })), 'principiele-goedkeuring');
  assert.equal(classifyStage(input({ shortTitle: 'Ontwerpdecreet over leersteun' })), 'definitieve-goedkeuring');
  assert.equal(
    classifyStage(input({ shortTitle: 'Bekrachtiging en afkondiging van het decreet over leersteun, aangenomen door het Vlaams Parlement op 3 mei 2023' })),
    'bekrachtiging',
  );
  assert.equal(classifyStage(input({ shortTitle: 'Ontwerp van samenwerkingsakkoord tussen de Federale Staat en de Vlaamse Gemeenschap' })), 'principiele-goedkeuring');
});

test('history and conditions in the body do not set the stage', () => {
  const body = [
    'Op 17 juli 2020 hechtte de Vlaamse Regering haar principiële goedkeuring aan het voorontwerp.',
    'Na advies van de Raad van State hecht de Vlaamse Regering haar definitieve goedkeuring aan het ontwerpdecreet.',
  ].join(' ');
  assert.equal(classifyStage(input({ bodyText: body })), 'definitieve-goedkeuring');
  const condition = 'De Vlaamse Regering wijzigt principieel het besluit. Eenmaal dit besluit definitief is goedgekeurd, volgt een oproep.';
  assert.equal(classifyStage(input({ bodyText: condition })), 'principiele-goedkeuring');
});

test('communications stay communications unless they report a grant or a plan', () => {
  assert.equal(classifyStage(input({ itemType: 'Mededeling', title: 'Jaarverslag 2020 Agentschap Integratie en Inburgering' })), 'mededeling');
  assert.equal(classifyStage(input({ itemType: 'Mededeling', title: 'Conceptnota: "Vlaamse havenstrategie"' })), 'visie');
  assert.equal(classifyStage(input({ itemType: 'Mededeling', title: 'Subsidies bovenlokale sportinfrastructuur' })), 'uitvoering');
});

test('explainStage names the rule that decided', async () => {
  const explanation = explainStage(await bundledDecision('636CA47934B8770AF8FDE394'));
  assert.deepEqual(explanation, { stage: 'bekrachtiging', rule: 'title-ratification' });
});

test('labels are Dutch and distinct; ranks follow the order of progress', () => {
  const stages: DecisionStage[] = [
    'overig',
    'mededeling',
    'visie',
    'principiele-goedkeuring',
    'tweede-principiele-goedkeuring',
    'definitieve-goedkeuring',
    'uitvoering',
    'bekrachtiging',
  ];
  assert.equal(new Set(stages.map(stageLabel)).size, stages.length);
  assert.equal(stageLabel('principiele-goedkeuring'), 'principiële goedkeuring');
  assert.equal(stageLabel('tweede-principiele-goedkeuring'), 'tweede principiële goedkeuring');
  assert.equal(stageLabel('bekrachtiging'), 'bekrachtiging en afkondiging');
  for (let i = 1; i < stages.length; i++) {
    assert.ok(stageRank(stages[i - 1]!) <= stageRank(stages[i]!), `${stages[i - 1]} <= ${stages[i]}`);
  }
  assert.ok(stageRank('visie') > stageRank('mededeling'));
  assert.ok(stageRank('principiele-goedkeuring') > stageRank('visie'));
  assert.ok(stageRank('definitieve-goedkeuring') > stageRank('tweede-principiele-goedkeuring'));
  assert.equal(stageRank('uitvoering'), stageRank('definitieve-goedkeuring'));
  assert.ok(stageRank('bekrachtiging') > stageRank('uitvoering'));
});

test('every bundled decision gets a stage; the distribution has every stage', async (t) => {
  const decisions: Decision[] = await bundledDecisions();
  const counts = new Map<DecisionStage, number>();
  for (const decision of decisions) {
    const stage = classifyStage(decision);
    counts.set(stage, (counts.get(stage) ?? 0) + 1);
  }
  t.diagnostic(`stages over ${decisions.length} decisions: ${JSON.stringify(Object.fromEntries(counts))}`);
  assert.equal([...counts.values()].reduce((sum, count) => sum + count, 0), decisions.length);
  assert.equal(counts.size, 8, 'all eight stages occur');
  // Every decision whose formal title announces a ratification is classified so.
  const announced = decisions.filter((decision) => /^Bekrachtiging en afkondiging/i.test(decision.shortTitle ?? ''));
  assert.ok(announced.length > 50);
  for (const decision of announced) assert.equal(classifyStage(decision), 'bekrachtiging', decision.id);
});
