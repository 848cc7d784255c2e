import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitSentenceSpans, splitSentences } from './sentences.js';

function assertExactSpans(text: string): void {
  for (const span of splitSentenceSpans(text)) {
    assert.equal(text.slice(span.start, span.end), span.text);
    assert.equal(span.text, span.text.trim());
  }
}

describe('splitSentences', () => {
  it('splits a decision body into sentences', () => {
    // From the decision on the LIVC-R (bundled corpus).
    const text =
      'Zo is er de Lokale Integrale Veiligheidscel rond radicalisme, extremisme en terrorisme (LIVC R), een lokaal ' +
      'overlegplatform dat de relevante lokale partners in een gemeente bij elkaar brengt. Voor een goede werking ' +
      'is het belangrijk dat vertrouwelijke informatie kan gedeeld worden. De leden van de Vlaamse diensten en ' +
      'voorzieningen die kunnen deelnemen aan een LIVC R, vervullen vaak een vertrouwensfunctie.';
    assert.deepEqual(splitSentences(text), [
      'Zo is er de Lokale Integrale Veiligheidscel rond radicalisme, extremisme en terrorisme (LIVC R), een lokaal ' +
        'overlegplatform dat de relevante lokale partners in een gemeente bij elkaar brengt.',
      'Voor een goede werking is het belangrijk dat vertrouwelijke informatie kan gedeeld worden.',
      'De leden van de Vlaamse diensten en voorzieningen die kunnen deelnemen aan een LIVC R, vervullen vaak een vertrouwensfunctie.',
    ]);
  });

  it('does not split on abbreviations, even before a capital', () => {
    const sentences = splitSentences(
      'De regering overlegt o.a. met De Lijn en de VVSG m.b.t. de LIVC-R. ' +
        'Dit gebeurt i.s.m. de minister, bv. Vlaams minister Somers, t.o.v. het federale niveau. ' +
        'Zie art. 5 en nr. 294 (d.w.z. de vraag van 26.04.2022), incl. bijlagen, resp. 3 en 4. ' +
        'Ook scholen, musea e.d. en jeugdhuizen, sportclubs enz. doen mee.',
    );
    assert.deepEqual(sentences, [
      'De regering overlegt o.a. met De Lijn en de VVSG m.b.t. de LIVC-R.',
      'Dit gebeurt i.s.m. de minister, bv. Vlaams minister Somers, t.o.v. het federale niveau.',
      'Zie art. 5 en nr. 294 (d.w.z. de vraag van 26.04.2022), incl. bijlagen, resp. 3 en 4.',
      'Ook scholen, musea e.d. en jeugdhuizen, sportclubs enz. doen mee.',
    ]);
  });

  it('ends a sentence at "enz." or "e.d." when a capitalised sentence follows', () => {
    assert.deepEqual(splitSentences('Het gaat om woonzorgcentra, scholen, lokale besturen enz. De tolken werken op afstand.'), [
      'Het gaat om woonzorgcentra, scholen, lokale besturen enz.',
      'De tolken werken op afstand.',
    ]);
  });

  it('keeps numbers, dates, section numbers and initials inside the sentence', () => {
    assert.deepEqual(
      splitSentences('Punt 1.2.3 van het plan van 26.04.2022 kost 2.5 miljoen. Viceminister-president H. Crevits is bevoegd.'),
      ['Punt 1.2.3 van het plan van 26.04.2022 kost 2.5 miljoen.', 'Viceminister-president H. Crevits is bevoegd.'],
    );
  });

  it('does not split before a lowercase word', () => {
    assert.deepEqual(splitSentences('Het budget bedraagt 600.000 euro. voor de aankoop van een pand.'), [
      'Het budget bedraagt 600.000 euro. voor de aankoop van een pand.',
    ]);
  });

  it('splits on question and exclamation marks and after closing quotes', () => {
    assert.deepEqual(splitSentences('Is het samenwerkingsakkoord er al? Nee! Het project heet ‘De verbindende stad’. Het loopt.'), [
      'Is het samenwerkingsakkoord er al?',
      'Nee!',
      'Het project heet ‘De verbindende stad’.',
      'Het loopt.',
    ]);
  });

  it('treats paragraph breaks and bullet lines as boundaries and leaves the bullet out', () => {
    const text =
      'De Vlaamse Regering beslist het volgende:\n' +
      '- de oprichting van een Vlaams Centrum voor Artificiële Intelligentie;\n' +
      '• een subsidie van 600.000 euro aan vzw Cosmos\n' +
      '  voor de aankoop van een pand;\n' +
      '\n' +
      'Ontwerpbesluit\n' +
      '\n' +
      '1. Onderwijs verdient prioriteit\n' +
      '2) Welzijn volgt';
    assert.deepEqual(splitSentences(text), [
      'De Vlaamse Regering beslist het volgende:',
      'de oprichting van een Vlaams Centrum voor Artificiële Intelligentie;',
      'een subsidie van 600.000 euro aan vzw Cosmos\n  voor de aankoop van een pand;',
      'Ontwerpbesluit',
      'Onderwijs verdient prioriteit',
      'Welzijn volgt',
    ]);
    assertExactSpans(text);
  });

  it('does not end a sentence after a heading number at the start of a line', () => {
    assert.deepEqual(splitSentences('3. Welzijn en gezin\n3.4. Informatiedeling. De LIVC werkt.'), [
      'Welzijn en gezin\n3.4. Informatiedeling.',
      'De LIVC werkt.',
    ]);
  });

  it('ignores text without words and handles CRLF line ends', () => {
    assert.deepEqual(splitSentences(''), []);
    assert.deepEqual(splitSentences('  \n\n - \n'), []);
    assert.deepEqual(splitSentences('Eerste zin.\r\n\r\nTweede zin.'), ['Eerste zin.', 'Tweede zin.']);
  });
});

describe('splitSentenceSpans', () => {
  it('returns offsets into the original string, diacritics and all', () => {
    const text = '  Financiële steun voor Oekraïne.  De regering keurt het goed. ';
    const spans = splitSentenceSpans(text);
    assert.deepEqual(spans, [
      { text: 'Financiële steun voor Oekraïne.', start: 2, end: 33 },
      { text: 'De regering keurt het goed.', start: 35, end: 62 },
    ]);
    assertExactSpans(text);
  });

  it('keeps exact spans over real decision texts', async () => {
    const { decisionTexts } = await import('./corpus-fixture.js');
    const texts = decisionTexts();
    let sentences = 0;
    for (const text of texts.slice(0, 300)) {
      const spans = splitSentenceSpans(text);
      let previousEnd = 0;
      for (const span of spans) {
        assert.equal(text.slice(span.start, span.end), span.text);
        assert.ok(span.start >= previousEnd, 'spans are ordered and do not overlap');
        previousEnd = span.end;
      }
      sentences += spans.length;
    }
    assert.ok(sentences > 900, `found ${sentences} sentences`);
  });
});
