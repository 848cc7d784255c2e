import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanTokens, tokenise } from './tokenise.js';

describe('tokenise', () => {
  it('yields folded word tokens and drops punctuation (agreement text)', () => {
    assert.deepEqual(
      tokenise('De Lokale Integrale Veiligheidscel (LIVC), waarin veiligheidsdiensten elkaar vinden.'),
      ['de', 'lokale', 'integrale', 'veiligheidscel', 'livc', 'waarin', 'veiligheidsdiensten', 'elkaar', 'vinden'],
    );
  });

  it('splits hyphenated compounds into parts and also keeps the joined form', () => {
    assert.deepEqual(tokenise('informatie-uitwisseling'), ['informatie', 'uitwisseling', 'informatieuitwisseling']);
    assert.deepEqual(tokenise('socio-preventieve diensten'), ['socio', 'preventieve', 'sociopreventieve', 'diensten']);
    assert.deepEqual(tokenise('Vlaams-Brabant'), ['vlaams', 'brabant', 'vlaamsbrabant']);
  });

  it('keeps number ranges as separate numbers without a joined form', () => {
    assert.deepEqual(tokenise('Regeerakkoord 2019-2024'), ['regeerakkoord', '2019', '2024']);
    assert.deepEqual(tokenise('2019–2024'), ['2019', '2024']); // en dash as in the PDF
  });

  it('handles abbreviations with letters and digits', () => {
    assert.deepEqual(tokenise('Covid-19'), ['covid', '19', 'covid19']);
    assert.deepEqual(tokenise('LIVC-R'), ['livc', 'livcr']); // the one-letter part alone is noise
    assert.deepEqual(tokenise('VVSG'), ['vvsg']);
    assert.deepEqual(tokenise('CO₂-uitstoot'), ['co2', 'uitstoot', 'co2uitstoot']);
  });

  it('keeps "&" inside a token: O&O&I stays one term, not "ooi" (ewe)', () => {
    assert.deepEqual(tokenise('het O&O&I-beleid en O&O'), ['het', 'o&o&i', 'beleid', 'o&o&ibeleid', 'en', 'o&o']);
  });

  it('keeps numbers, dates and section numbers whole', () => {
    assert.deepEqual(tokenise('600.000 euro op 26.04.2022, punt 1.2.3 en 3,5 miljoen.'), [
      '600.000',
      'euro',
      'op',
      '26.04.2022',
      'punt',
      '1.2.3',
      'en',
      '3,5',
      'miljoen',
    ]);
  });

  it('joins dotted letter abbreviations', () => {
    assert.deepEqual(tokenise('vzw Cosmos, v.z.w. o.a. m.b.t.'), ['vzw', 'cosmos', 'vzw', 'oa', 'mbt']);
  });

  it("drops the plural/genitive 's, with straight or curly apostrophes", () => {
    assert.deepEqual(tokenise("kmo's, regio’s en WORG's"), ['kmo', 'regio', 'en', 'worg']);
    assert.deepEqual(tokenise('overstromingsrisico’s'), ['overstromingsrisico']);
    assert.deepEqual(tokenise("zo'n project"), ["zo'n", 'project']);
  });

  it('splits on slashes and ignores a trailing hyphen of an elided compound', () => {
    assert.deepEqual(tokenise('en/of'), ['en', 'of']);
    assert.deepEqual(tokenise('gemeenschaps- en gewestregeringen'), ['gemeenschaps', 'en', 'gewestregeringen']);
  });

  it('removes diacritics and zero-width characters inside words', () => {
    assert.deepEqual(tokenise('Financiële coördinatie in Oekraïne'), ['financiele', 'coordinatie', 'in', 'oekraine']);
    assert.deepEqual(tokenise('D\u200Be regering'), ['de', 'regering']);
  });

  it('splits web addresses and comma-glued words without inventing joined forms', () => {
    assert.deepEqual(tokenise('https://www.vlaanderen.be/livc-r'), ['https', 'www', 'vlaanderen', 'be', 'livc', 'livcr']);
    assert.deepEqual(tokenise('scholen,musea'), ['scholen', 'musea']);
  });

  it('returns nothing for text without words', () => {
    assert.deepEqual(tokenise(' – … (!) '), []);
  });

  it('scanTokens marks the joined form of a hyphenated word', () => {
    const seen: Array<[string, boolean]> = [];
    scanTokens('e-premier en covid-19-pandemie', (token, joined) => seen.push([token, joined]));
    assert.deepEqual(seen, [
      ['premier', false],
      ['epremier', true],
      ['en', false],
      ['covid', false],
      ['19', false],
      ['pandemie', false],
      ['covid19pandemie', true],
    ]);
  });
});
