import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createAnalyser, genericGovernmentStems, isGenericTerm } from './analyse.js';
import { buildCompoundLexicon, createCompoundSplitter, type CompoundSplitter } from './compounds.js';
import { decisionWordFrequencies } from './corpus-fixture.js';
import { stem } from './stem.js';

const AGREEMENT =
  'De Lokale Integrale Veiligheidscel (LIVC), waarin veiligheidsdiensten en socio-preventieve diensten elkaar vinden';
const DECISION_TITLE =
  'Vlaamse deelname aan lokale integrale veiligheidscellen rond radicalisme, extremisme en terrorisme';

describe('createAnalyser without compounds', () => {
  const analyser = createAnalyser();

  it('tokenises, drops stopwords and stems (decision title)', () => {
    assert.deepEqual(analyser.terms(DECISION_TITLE), [
      'vlam', // Snowball's stem of "vlaamse"
      'deelnam',
      'lokal',
      'integral',
      'veiligheidscel',
      'radicalism',
      'extremism',
      'terrorism',
    ]);
  });

  it('gives agreement and decision the same terms for singular and plural', () => {
    const agreement = new Set(analyser.terms(AGREEMENT));
    const decision = new Set(analyser.terms(DECISION_TITLE));
    const shared = [...agreement].filter((term) => decision.has(term));
    assert.deepEqual(shared, ['lokal', 'integral', 'veiligheidscel']);
  });

  it('keeps stopwords on request', () => {
    const withStopwords = createAnalyser({ keepStopwords: true }).terms('De regering en de gemeenten');
    assert.deepEqual(withStopwords, ['de', stem('regering'), 'en', 'de', stem('gemeenten')]);
  });

  it('indexes both parts and the joined form of hyphenated words', () => {
    assert.deepEqual(analyser.terms('informatie-uitwisseling'), [
      stem('informatie'),
      stem('uitwisseling'),
      stem('informatieuitwisseling'),
    ]);
  });
});

describe('createAnalyser with compounds learned from the decisions', () => {
  let compounds: CompoundSplitter;
  before(() => {
    compounds = createCompoundSplitter(buildCompoundLexicon(decisionWordFrequencies()));
  });

  it('emits the whole compound and its parts: "veiligheidscellen" matches "veiligheid" and "cel"', () => {
    const terms = createAnalyser({ compounds }).terms('veiligheidscellen');
    assert.deepEqual(terms, [stem('veiligheidscellen'), stem('veiligheid'), stem('cel')]);
    assert.deepEqual(createAnalyser({ compounds }).terms('cel'), [stem('cel')]);
  });

  it('lets the agreement passage and the decision title share more terms', () => {
    const analyser = createAnalyser({ compounds });
    const agreement = new Set(analyser.terms(AGREEMENT));
    const decision = analyser.terms(DECISION_TITLE);
    const shared = new Set(decision.filter((term) => agreement.has(term)));
    assert.ok(shared.has('veiligheidscel'));
    assert.ok(shared.has(stem('veiligheid')), 'veiligheidsdiensten and veiligheidscellen share "veiligheid"');
  });

  it('does not split a hyphenated word twice', () => {
    const terms = createAnalyser({ compounds }).terms('informatie-uitwisseling');
    assert.equal(terms.filter((term) => term === stem('informatie')).length, 1);
  });

  it('matches a radicalisation-prevention query against its parts', () => {
    const analyser = createAnalyser({ compounds });
    const terms = analyser.terms('radicaliseringspreventie');
    assert.ok(terms.includes(stem('radicalisering')));
    assert.ok(terms.includes(stem('preventie')));
  });
});

describe('generic government terms', () => {
  it('recognises the analysed boilerplate of decisions', () => {
    const terms = createAnalyser().terms(
      'De Vlaamse Regering keurt het ontwerpbesluit definitief goed, na advies van de Raad van State.',
    );
    const generic = terms.filter(isGenericTerm);
    const specific = terms.filter((term) => !isGenericTerm(term));
    assert.deepEqual(specific, []);
    assert.ok(generic.length >= 8);
  });

  it('does not mark topical terms as generic', () => {
    const terms = createAnalyser().terms('radicalisering, kinderopvang, persoonsgegevens, veiligheidscel');
    assert.deepEqual(terms.filter(isGenericTerm), []);
    assert.ok(genericGovernmentStems.has(stem('decreet')));
  });
});
