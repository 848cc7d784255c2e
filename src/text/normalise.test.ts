import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldForMatching } from './normalise.js';

describe('foldForMatching', () => {
  it('lowercases and removes diacritics from Dutch words in decision titles', () => {
    assert.equal(foldForMatching('Ontwerpbesluit Energie-efficiëntie'), 'ontwerpbesluit energie-efficientie');
    assert.equal(foldForMatching('coördinatie, Oekraïne-crisis, privé-sector'), 'coordinatie, oekraine-crisis, prive-sector');
    assert.equal(foldForMatching('Overlegcomité'), 'overlegcomite');
  });

  it('maps curly quotes and typographic dashes to ASCII', () => {
    // From a decision body: ‘De verbindende stad – het nieuwe ontmoeten’
    assert.equal(
      foldForMatching('‘De verbindende stad – het nieuwe ontmoeten’'),
      "'de verbindende stad - het nieuwe ontmoeten'",
    );
    assert.equal(foldForMatching('“Vlaamse Veerkracht”'), '"vlaamse veerkracht"');
    assert.equal(foldForMatching('regio’s, baby´s'), "regio's, baby's");
    assert.equal(foldForMatching('2019–2024 — 2020‐2025'), '2019-2024 - 2020-2025');
  });

  it('applies NFKC: ligatures, subscripts, non-breaking spaces', () => {
    assert.equal(foldForMatching('CO₂-uitstoot'), 'co2-uitstoot');
    assert.equal(foldForMatching('ﬁnanciering'), 'financiering');
    assert.equal(foldForMatching('200\u00A0000 m²'), '200 000 m2');
  });

  it('drops zero-width and soft hyphen characters left by editors', () => {
    assert.equal(foldForMatching('D\u200Be Vlaamse Re\u00ADgering'), 'de vlaamse regering');
  });

  it('treats composed and decomposed accents alike', () => {
    assert.equal(foldForMatching('financie\u0308le'), foldForMatching('financiële'));
  });

  it('does not change the display text it is given', () => {
    const display = 'Financiële steun voor Oekraïne';
    const folded = foldForMatching(display);
    assert.equal(display, 'Financiële steun voor Oekraïne');
    assert.equal(folded, 'financiele steun voor oekraine');
  });

  it('leaves plain ASCII lowercase text unchanged', () => {
    const text = 'de vlaamse regering keurt het besluit goed.';
    assert.equal(foldForMatching(text), text);
  });
});
