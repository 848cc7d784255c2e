import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actForm, decisionDisplayTitle, displayTitle, isPlaceholderTitle, titleTerms } from './titles.js';

const sorted = (terms: string[]) => [...new Set(terms)].sort();

test('titles of one file at different stages give the same terms', () => {
  const stages = [
    'Her- of nevenbestemming (voormalige) parochiekerken: voorontwerp van wijzigingsdecreet',
    'Her- of nevenbestemming (voormalige) parochiekerken: ontwerp van wijzigingsdecreet',
    'Her- of nevenbestemming (voormalige) parochiekerken: wijzigingsdecreet',
  ];
  const [first, ...rest] = stages.map((title) => sorted(titleTerms(title)));
  for (const terms of rest) assert.deepEqual(terms, first);
  assert.ok(first!.length >= 3, `content terms remain: ${first!.join(' ')}`);
});

test('formal titles lose the legal form, the stage and the adoption date', () => {
  const tail = 'houdende de machtiging van de Vlaamse deelnemers aan en de regeling van de modaliteiten van deelname aan de lokale integrale veiligheidscellen inzake radicalisme, extremisme en terrorisme';
  const draft = sorted(titleTerms(`Voorontwerp van decreet ${tail}`));
  assert.deepEqual(sorted(titleTerms(`Ontwerpdecreet ${tail}`)), draft);
  assert.deepEqual(sorted(titleTerms(`Bekrachtiging en afkondiging van het decreet ${tail}, aangenomen door het Vlaams Parlement op 12 mei 2021`)), draft);
  assert.ok(!draft.includes('2021'));
});

test('the year of an amended act stays; its day and month go', () => {
  const terms = titleTerms('Voorontwerp van decreet tot wijziging van het decreet van 7 mei 2004 betreffende de erkende erediensten');
  assert.ok(terms.includes('2004'));
  assert.ok(!terms.includes('7') && !terms.includes('mei'));
});

test('an implementing order keeps the word that says so', () => {
  const order = titleTerms('Uitvoeringsbesluit premie kwalificerend werkplekleren');
  const decree = titleTerms('Voorontwerp van decreet over de premie kwalificerend werkplekleren');
  assert.ok(order.includes('uitvoeringsbesluit'));
  assert.notDeepEqual(sorted(order), sorted(decree));
});

test('display titles drop stage suffixes and reduce stage prefixes to the act, keeping case', () => {
  assert.equal(displayTitle('Her- of nevenbestemming (voormalige) parochiekerken: voorontwerp van wijzigingsdecreet'), 'Her- of nevenbestemming (voormalige) parochiekerken');
  assert.equal(
    displayTitle('Vlaamse deelname aan lokale integrale veiligheidscellen rond radicalisme, extremisme en terrorisme: machtigingsdecreet'),
    'Vlaamse deelname aan lokale integrale veiligheidscellen rond radicalisme, extremisme en terrorisme',
  );
  assert.equal(displayTitle('Voorontwerp van decreet Leersteun'), 'Decreet Leersteun');
  assert.equal(displayTitle('Ontwerpdecreet over de onderwijsinternaten'), 'Decreet over de onderwijsinternaten');
  assert.equal(displayTitle('Voorontwerp van Programmadecreet met bepalingen tot begeleiding van de begroting 2022'), 'Programmadecreet met bepalingen tot begeleiding van de begroting 2022');
  assert.equal(
    displayTitle('Bekrachtiging en afkondiging decreet over de bevordering van de integriteitsbeoordeling door het openbaar bestuur'),
    'Decreet over de bevordering van de integriteitsbeoordeling door het openbaar bestuur',
  );
  // Not stage words: the implementing order and a plain title stay as they are.
  assert.equal(displayTitle('Decreet wonen in eigen streek: uitvoeringsbesluit'), 'Decreet wonen in eigen streek: uitvoeringsbesluit');
  assert.equal(displayTitle('Wijziging Havendecreet'), 'Wijziging Havendecreet');
});

test('recovery-plan placeholders borrow the head of the formal title', () => {
  assert.ok(isPlaceholderTitle('Plan Vlaamse Veerkracht: dossier 99'));
  assert.ok(isPlaceholderTitle('Plan Vlaamse Veerkracht: dossiernummers 25 en 27'));
  assert.ok(isPlaceholderTitle('Plan Vlaamse Veerkracht dossier 67'));
  assert.ok(!isPlaceholderTitle('Plan Vlaamse Veerkracht: Oproepen erfgoedpremie 2021'));
  assert.equal(
    decisionDisplayTitle('Plan Vlaamse Veerkracht: dossier 99', 'Oproepen erfgoedpremie Voorontwerp van besluit van de Vlaamse Regering over de oproepen'),
    'Plan Vlaamse Veerkracht: Oproepen erfgoedpremie',
  );
  assert.equal(decisionDisplayTitle('Plan Vlaamse Veerkracht: dossier 115', 'Digitalisering RIZIV-sectoren'), 'Plan Vlaamse Veerkracht: Digitalisering RIZIV-sectoren');
  assert.equal(decisionDisplayTitle('Wijziging Havendecreet', 'Voorontwerp van decreet tot wijziging van het Havendecreet'), 'Wijziging Havendecreet');
});

test('actForm reads the first legal form a formal title names', () => {
  assert.equal(actForm('Voorontwerp van decreet tot wijziging van het decreet van 7 mei 2004'), 'decreet');
  assert.equal(actForm('Voorontwerp van programmadecreet bij de aanpassing van de begroting 2020'), 'decreet');
  assert.equal(actForm('Bekrachtiging en afkondiging van het decreet over leersteun'), 'decreet');
  assert.equal(actForm('Voorontwerp van decreet tot instemming met het samenwerkingsakkoord van 2 februari 2018'), 'decreet');
  assert.equal(actForm('Ontwerpbesluit van de Vlaamse Regering tot uitvoering van het decreet van 23 december 2022'), 'besluit');
  assert.equal(actForm('A. Voorontwerp van besluit van de Vlaamse Regering tot wijziging van artikel 1'), 'besluit');
  assert.equal(actForm('A. Ontwerp van samenwerkingsakkoord tussen de Federale Staat en de Vlaamse Gemeenschap'), 'samenwerkingsakkoord');
  assert.equal(actForm('Aanbod Lokaal Digitaal'), null);
  assert.equal(actForm(null), null);
});
