import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ParliamentDocument } from '../model/documents.js';
import { readParliamentFolder } from '../sources/parliament/index.js';
import { findProblemSignals, signalsProblem } from './signals.js';

const FOLDER = new URL('../../data/parlement/', import.meta.url);
const QUESTION_294 = 'schriftelijke-vraag-294-2022-livc-r-samenwerkingsakkoord.txt';
const SLIDES = 'commissie-2022-09-27-terugkoppeling-verbindingsofficier.md';
const QUESTION_FRAMEWORK = 'schriftelijke-vraag-kader-gegevensuitwisseling-livc.txt';

const raw = async (name: string): Promise<string> => readFile(new URL(name, FOLDER), 'utf8');

let documents: ParliamentDocument[] = [];
before(async () => {
  documents = (await readParliamentFolder(fileURLToPath(FOLDER))).documents;
});

function documentFrom(file: string): ParliamentDocument {
  const document = documents.find((d) => d.sourceFile === file);
  assert.ok(document, `${file} was read`);
  return document;
}

describe('findProblemSignals on the bundled parliamentary documents', () => {
  it('question 294 (LIVC-R): the missing cooperation agreement and the missing timing', async () => {
    const signals = findProblemSignals(await raw(QUESTION_294));
    assert.ok(signals.includes('Dat samenwerkingsakkoord is er nog niet en dus blijven er onduidelijkheden.'), signals.join(' | '));
    assert.ok(signals.includes('Er is geen zicht op verdere timing en aanpak.'));
    assert.ok(signals.some((s) => s.includes('nog steeds geen samenwerkingsakkoord')), 'a question that presupposes the problem counts');
    // The answer says the Flemish decree removed obstacles: a resolved problem is not a signal,
    // nor is a yes/no question about obstacles, nor "werd gerealiseerd".
    assert.ok(!signals.some((s) => s.includes('tegemoet gekomen aan een aantal hinderpalen')));
    assert.ok(!signals.some((s) => s.startsWith('Zitten de lokale besturen')));
    assert.ok(!signals.some((s) => s.includes('decreet LIVC-R werd gerealiseerd')));
  });

  it('committee slides on the liaison officer: the negative advice and the agreement still to come', async () => {
    const signals = findProblemSignals(await raw(SLIDES));
    assert.ok(signals.some((s) => s.includes('= negatief')), signals.join(' | '));
    assert.ok(signals.some((s) => s.includes('Samenwerkingsovereenkomst bijgevolg nog achterwege')));
    assert.ok(!signals.some((s) => s.includes('Opmaak van de protocolafspraken')), 'work in progress is not a problem');
  });

  it('question on the data-exchange framework: no word that the framework exists', async () => {
    const signals = findProblemSignals(await raw(QUESTION_FRAMEWORK));
    assert.ok(signals.includes('Vooralsnog is er geen berichtgeving geweest dat dit kader is uitgewerkt.'), signals.join(' | '));
    assert.ok(!signals.some((s) => s.startsWith('b) indien het huidig kader niet voldoet') || s.includes('indien het huidig kader niet voldoet')));
    assert.ok(!signals.some((s) => s.includes('Zal nog eind 2017')), 'an open question is not a signal');
  });

  it('finds the same signals in the texts the ingest stores', () => {
    const fromIngest = findProblemSignals(documentFrom(QUESTION_294).text);
    assert.ok(fromIngest.some((s) => s.startsWith('Dat samenwerkingsakkoord is er nog niet')), fromIngest.join(' | '));
    assert.ok(fromIngest.includes('Er is geen zicht op verdere timing en aanpak.'));
    assert.ok(findProblemSignals(documentFrom(SLIDES).text).some((s) => s.includes('nog achterwege')));
  });

  it('quotes whole sentences with the PDF line breaks collapsed, each once, in text order', async () => {
    const text = await raw(QUESTION_294);
    const signals = findProblemSignals(text);
    assert.equal(new Set(signals).size, signals.length);
    const flatText = text.replace(/\s+/g, ' ');
    const positions = signals.map((s) => flatText.indexOf(s));
    assert.ok(positions.every((p) => p >= 0), 'every quote is in the text');
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
    assert.ok(signals.every((s) => !/\s{2}|\n/.test(s)));
  });
});

describe('signalsProblem on single sentences', () => {
  const problems = [
    'De goedkeuring van het uitvoeringsbesluit werd uitgesteld tot na de zomer.',
    'Het decreet is nog niet in werking getreden.',
    'Er is nog steeds geen akkoord met de federale overheid.',
    'De Raad van State gaf een negatief advies over het voorontwerp.',
    'Een wettelijke basis voor de gegevensuitwisseling ontbreekt.',
    'De uitrol liep vertraging op door de coronacrisis.',
    'Het belangrijkste knelpunt blijft de financiering.',
    'De subsidies werden nog niet uitbetaald.',
  ];
  for (const sentence of problems) {
    it(`signals: ${sentence}`, () => assert.equal(signalsProblem(sentence), true));
  }

  const notProblems = [
    'Het decreet werd zonder vertraging goedgekeurd.',
    'Er zijn geen knelpunten gemeld.',
    'De achterstand werd ondertussen volledig weggewerkt.',
    'Met deze maatregel willen we vertragingen vermijden.',
    'Leerlingen met een taalachterstand krijgen extra ondersteuning.',
    'Het ontbreekt de sector niet aan goede wil.',
    'Zijn er knelpunten bij de uitvoering?',
    'Heeft de minister er zicht op wanneer dit akkoord zou kunnen worden afgesloten?',
    'Indien het huidig kader niet voldoet, zijn er operationele afspraken gemaakt?',
    'Het project werd niet alleen gerealiseerd, maar ook uitgebreid.',
    'Nadat er in 2021 een decreet werd gerealiseerd, werden verschillende initiatieven genomen.',
  ];
  for (const sentence of notProblems) {
    it(`does not signal: ${sentence}`, () => assert.equal(signalsProblem(sentence), false));
  }
});
