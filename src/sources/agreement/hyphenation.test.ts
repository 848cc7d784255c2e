import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildVocabulary, decideHyphen, endsWithWordHyphen, joinLines } from './hyphenation.js';

// Lines in the document's own style: words written whole mid-line are the evidence.
const vocabulary = buildVocabulary([
  'de verbindingsofficier ook in kennis wordt gesteld',
  'een vlotte informatie-uitwisseling met de federale',
  'diensten en socio-preventieve diensten elkaar vinden',
  'de efficiënte inzet van middelen en patiëntenverenigingen',
  'niet-bindende toelatingsproeven voor niet-werkende en niet-actieve',
  'het evenwicht werk-privé en werk-gezin blijft belangrijk voor',
  'werkgevers en werkzoekenden, de werkloosheid, het werkveld en werkbaar werk',
  'de zee is diep en een egel is geen vis',
  'een verschil-',
  'lende aanpak',
]);

test('the vocabulary learns whole words and hyphenated compounds, not the fragments of a line-end break', () => {
  assert.ok(vocabulary.plain.has('verbindingsofficier'));
  assert.ok(vocabulary.hyphenated.has('informatie-uitwisseling'));
  assert.ok(vocabulary.hyphenated.has('socio-preventieve'));
  assert.equal(vocabulary.prefixes.get('niet'), 3);
  assert.ok(!vocabulary.plain.has('verschil'), 'the part before a line-end hyphen is a fragment');
  assert.ok(!vocabulary.plain.has('lende'), 'the part after it too');
});

test('line-end hyphens inside a word are undone', () => {
  assert.equal(joinLines('wordt een verbindings-', 'officier met veiligheidsmachtiging', vocabulary), 'wordt een verbindingsofficier met veiligheidsmachtiging');
  assert.equal(joinLines('machtiging geïnstal-', 'leerd, die de informatie', vocabulary), 'machtiging geïnstalleerd, die de informatie');
  assert.equal(joinLines('plaats voor verschil-', 'lende ideologieën', vocabulary), 'plaats voor verschillende ideologieën');
  // "werk-privé" does not make "werk" a hyphenating prefix: far more words simply start with it.
  assert.equal(joinLines('de werk-', 'loosheidsverzekering', vocabulary), 'de werkloosheidsverzekering');
});

test('real compounds keep their hyphen', () => {
  assert.equal(joinLines('een vlotte informatie-', 'uitwisseling met', vocabulary), 'een vlotte informatie-uitwisseling met');
  assert.equal(joinLines('en socio-', 'preventieve diensten', vocabulary), 'en socio-preventieve diensten');
  assert.equal(joinLines('het Vlaamse O&O&I-', 'systeem', vocabulary), 'het Vlaamse O&O&I-systeem');
  assert.equal(joinLines('via e-', 'government', vocabulary), 'via e-government');
  assert.equal(joinLines('het Brussels', 'Hoofdstedelijk Gewest', vocabulary), 'het Brussels Hoofdstedelijk Gewest');
  assert.equal(joinLines('het Brussel-', 'Hoofdstad', vocabulary), 'het Brussel-Hoofdstad');
  assert.equal(joinLines('de EU-', 'burgers', vocabulary), 'de EU-burgers');
  assert.equal(joinLines('de 80%-', 'doelstelling', vocabulary), 'de 80%-doelstelling');
  // A prefix the document always hyphenates.
  assert.equal(joinLines('voor niet-', 'begeleide minderjarigen', vocabulary), 'voor niet-begeleide minderjarigen');
  // Two vowels that would merge, and one side is a word of its own: Dutch requires the hyphen.
  assert.equal(joinLines('een zee-', 'egel', vocabulary), 'een zee-egel');
  assert.equal(joinLines('hun re-', 'integratie', buildVocabulary(['de integratie van nieuwkomers'])), 'hun re-integratie');
});

test('an elided compound part keeps hyphen and space ("hulp- en dienstverlening")', () => {
  assert.equal(joinLines('de hulp-', 'en dienstverlening', vocabulary), 'de hulp- en dienstverlening');
  assert.equal(joinLines('inlichtingen-', 'of veiligheidsdiensten', vocabulary), 'inlichtingen- of veiligheidsdiensten');
  assert.equal(decideHyphen('inlichtingen', ', veiligheids-', vocabulary), 'keep');
});

test('a word broken where Dutch drops the diaeresis gets it back', () => {
  assert.equal(joinLines('op een effici-', 'ente manier', vocabulary), 'op een efficiënte manier');
  assert.equal(joinLines('tegenover hun pati-', 'enten die', vocabulary), 'tegenover hun patiënten die');
  // Without evidence: "i" + "e" would merge and neither side is a word, so it is a dropped diaeresis ...
  assert.equal(joinLines('we subsidi-', 'eren dat', vocabulary), 'we subsidiëren dat');
  // ... unless the right part opens with a vowel pair of its own.
  assert.equal(joinLines('goed gedefini-', 'eerd', vocabulary), 'goed gedefinieerd');
});

test('plain line ends and free-standing dashes join with a space', () => {
  assert.equal(joinLines('Werf 1 -', 'Elk talent telt', vocabulary), 'Werf 1 - Elk talent telt');
  assert.equal(joinLines('een lijn', 'verder', vocabulary), 'een lijn verder');
  assert.equal(joinLines('', 'begin', vocabulary), 'begin');
  assert.ok(endsWithWordHyphen('verschil-'));
  assert.ok(!endsWithWordHyphen('Werf 1 -'));
  assert.ok(!endsWithWordHyphen('2019 –'));
});
