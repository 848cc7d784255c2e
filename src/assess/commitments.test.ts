import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import type { AgreementSection } from '../model/documents.js';
import { parseAgreement } from '../sources/agreement/index.js';
import { splitSentenceSpans } from '../text/index.js';
import { classifySentence, extractCommitments, type CommitmentSpan, type ExtractedCommitments } from './commitments.js';

const PDF = new URL('../../data/regeerakkoord-2019-2024.pdf', import.meta.url);

let sections: AgreementSection[] = [];
before(async () => {
  sections = await parseAgreement(new Uint8Array(await readFile(PDF)), { agreement: 'regeerakkoord-2019-2024' });
});

function sectionText(id: string): string {
  const section = sections.find((s) => s.id === id);
  assert.ok(section, `section ${id} exists`);
  return section.text;
}

const flat = (text: string): string => text.replace(/\s+/g, ' ');

/** The one span (commitment or context) whose text contains `phrase`. */
function spanWith(spans: readonly CommitmentSpan[], phrase: string): CommitmentSpan | undefined {
  return spans.find((span) => flat(span.text).includes(phrase));
}

function assertCommitment(result: ExtractedCommitments, phrase: string): CommitmentSpan {
  const span = spanWith(result.commitments, phrase);
  assert.ok(span, `"${phrase}" is a commitment; context was: ${result.context.map((c) => flat(c.text)).join(' | ')}`);
  return span;
}

function assertContext(result: ExtractedCommitments, phrase: string): void {
  assert.ok(spanWith(result.context, phrase), `"${phrase}" is context; commitments were: ${result.commitments.map((c) => flat(c.text)).join(' | ')}`);
}

describe('extractCommitments on real sections', () => {
  it('justitie/3.4: the LIVC-R decree framework and the liaison officer are each a commitment', () => {
    const text = sectionText('justitie/3.4');
    const result = extractCommitments('justitie/3.4', text);
    const decree = assertCommitment(result, 'We creëren een decretaal kader zodat medewerkers van Vlaamse diensten en voorzieningen kunnen deelnemen aan een LIVC-R');
    const officer = assertCommitment(result, 'wordt een verbindingsofficier met veiligheidsmachtiging geïnstalleerd');
    assert.notEqual(decree.id, officer.id);
    assert.deepEqual(
      result.commitments.map((c) => c.id),
      result.commitments.map((_, i) => `justitie/3.4#${i + 1}`),
    );
    assert.ok(decree.id < officer.id, 'numbered in reading order');
    // The diagnosis that opens the section and the explanation of the officer's role promise nothing new.
    assertContext(result, 'De strijd tegen gewelddadige radicalisering en extremisme heeft aangetoond');
    assertContext(result, 'Dit betekent dat de reeds bestaande informatiestromen blijven bestaan');
    for (const span of [...result.commitments, ...result.context]) assert.equal(text.slice(span.start, span.end), span.text);
  });

  it('binnenlands-bestuur-en-stedenbeleid/2.2.9: the decree framework is a commitment, the threat assessment is context', () => {
    const id = 'binnenlands-bestuur-en-stedenbeleid/2.2.9';
    const result = extractCommitments(id, sectionText(id));
    assertCommitment(result, 'We creëren een decretaal kader zodat medewerkers van Vlaamse diensten en voorzieningen kunnen deelnemen aan een LIVC');
    assertCommitment(result, 'We ondersteunen hen in het opnemen van deze regierol');
    assertCommitment(result, 'De Vlaamse regering wil met haar beleid in de eerste plaats voorkomen dat personen radicaliseren');
    assertCommitment(result, 'worden opgedreven');
    // Decision (see commitments.ts): "vormt een substantiële bedreiging ... en moet krachtdadig worden
    // aangepakt" names a threat and a need without an actor or instrument: context, not a promise.
    assertContext(result, 'Gewelddadige radicalisering, zowel bij volwassenen als bij minderjarigen, vormt een substantiële bedreiging');
    assertContext(result, 'Preventie en repressie gaan hierbij hand in hand.');
    assertContext(result, 'De Vlaamse regering gaat voor een door iedereen gedeelde samenleving.');
    assertContext(result, 'We gaan uit van een geïntegreerde aanpak');
    assertContext(result, 'Het is de taak van gemeenten om zorgwekkende ontwikkelingen tijdig te signaleren');
    assertContext(result, 'De hiervoor gecreëerde gemeenschappelijke gegevensbank (GGB) zorgt voor voeding van het LIVC.');
  });

  it('onderwijs/1.2.1: present-tense and passive promises are commitments; observations are context', () => {
    const result = extractCommitments('onderwijs/1.2.1', sectionText('onderwijs/1.2.1'));
    assertCommitment(result, 'We stellen in navolging van Nederland een Canon van Vlaanderen op.');
    assertCommitment(result, 'Het decreet Deeltijds Kunstonderwijs wordt geëvalueerd en zo nodig bijgestuurd');
    assertCommitment(result, 'Voor de externe kwaliteitscontrole versterken we de onderwijsinspectie.');
    assertCommitment(result, 'De Onderwijsinspectie zal de komende vijf jaar meer focussen op individueel en collectief huisonderwijs.');
    assertContext(result, 'Het Deeltijds Kunstonderwijs kent een toenemend succes.');
    assertContext(result, 'Op die manier wordt de planlast voor scholen verhoogd.');
    assertContext(result, 'Vlaanderen heeft geen andere grondstoffen dan zijn hersencellen.');
  });

  it('buitenlands-beleid-en-toerisme/4.2: items of a promising list are commitments, their bare lead is context', () => {
    const id = 'buitenlands-beleid-en-toerisme/4.2';
    const text = sectionText(id);
    const result = extractCommitments(id, text);
    const alliances = assertCommitment(result, 'Allianties te sluiten met andere deelstaten');
    assert.ok(alliances.text.startsWith('Allianties'), 'the item number is not part of the commitment');
    assertCommitment(result, 'Intraregionaal en interfederaal samen te werken.');
    assertCommitment(result, 'De Vlaamse regering zal voor de belangrijkste EU-dossiers politiek gedragen');
    assertContext(result, 'Dat alles doet ze door:');
    assertContext(result, 'De EU bracht vrede, vooruitgang en welvaart op ons continent.');
  });

  it('energie-en-klimaat/1.6: a sentence is split at ";" only when both halves promise', () => {
    const id = 'energie-en-klimaat/1.6';
    const text = sectionText(id);
    const result = extractCommitments(id, text);
    const first = assertCommitment(result, 'We zetten ook sterk in op de inzameling van organisch-biologisch afval');
    const second = assertCommitment(result, 'we stimuleren bijkomend investeringen in de realisatie van voorvergistingsinstallaties');
    assert.notEqual(first.id, second.id);
    assert.ok(first.text.endsWith(';'));
    const sentence = splitSentenceSpans(text).find((s) => s.start <= first.start && s.end >= second.end);
    assert.ok(sentence, 'both halves come from one sentence');
    // "recyclage vormt de sluitsteen ..." promises nothing: that sentence stays whole.
    const whole = assertCommitment(result, 'We bevorderen herstelling van producten en hergebruik van onderdelen;');
    assert.ok(flat(whole.text).includes('recyclage vormt de sluitsteen'));
    assertCommitment(result, 'Tegen 2030 verhogen we dat nog tot 77,5%.');
    assertContext(result, 'Producten moeten slimmer worden ontworpen');
  });

  it('mobiliteit-en-openbare-werken/1.4: dated targets are commitments, past reforms are context', () => {
    const id = 'mobiliteit-en-openbare-werken/1.4';
    const result = extractCommitments(id, sectionText(id));
    assertCommitment(result, 'Ten laatste vóór 2035 rijden alle bussen in heel Vlaanderen emissievrij.');
    assertCommitment(result, 'Het geautomatiseerde registratiesysteem wordt sowieso in 2020 op punt gesteld.');
    assertCommitment(result, 'We operationaliseren het decreet betreffende de basisbereikbaarheid.');
    assertContext(result, 'De Lijn is in de vorige legislatuur hervormd tot een slankere vervoersorganisatie');
    assertContext(result, 'Basisbereikbaarheid geldt voor iedereen.');
  });

  it('economie-en-innovatie/2.3.5: predicted effects are context, plans are commitments', () => {
    const id = 'economie-en-innovatie/2.3.5';
    const result = extractCommitments(id, sectionText(id));
    assertCommitment(result, 'Daarom stellen we een geïntegreerd plan op voor de verdere digitalisering in Vlaanderen');
    assertCommitment(result, 'De Vlaamse regering ziet erop toe dat eventuele bijkomende spelers');
    assertCommitment(result, 'Vlaanderen zal lokale besturen maximaal ondersteunen');
    assertContext(result, 'Evenzeer zal de kwaliteit van het leven stijgen door de inzet van AI.');
    assertContext(result, 'Het aantal gevallen van cybercriminaliteit stijgt exponentieel.');
  });
});

describe('extractCommitments over the whole agreement', () => {
  it('yields exact, ordered, non-overlapping spans that cover every sentence, with ids numbered from 1', () => {
    let commitments = 0;
    let units = 0;
    for (const section of sections) {
      const result = extractCommitments(section.id, section.text);
      result.commitments.forEach((span, i) => assert.equal(span.id, `${section.id}#${i + 1}`));
      const all = [...result.commitments, ...result.context].sort((a, b) => a.start - b.start);
      for (const [i, span] of all.entries()) {
        assert.equal(section.text.slice(span.start, span.end), span.text, `${section.id}: exact span`);
        assert.equal(span.text, span.text.trim());
        const previous = all[i - 1];
        if (previous !== undefined) assert.ok(previous.end <= span.start, `${section.id}: spans do not overlap`);
      }
      // Every sentence's words end up in some span (only list numbers in front of items are dropped).
      for (const sentence of splitSentenceSpans(section.text)) {
        const covered = all.filter((span) => span.start < sentence.end && span.end > sentence.start);
        assert.ok(covered.length > 0, `${section.id}: "${sentence.text}" is covered`);
      }
      commitments += result.commitments.length;
      units += all.length;
    }
    // A coalition agreement is mostly promises, with vision and diagnosis between them.
    const share = commitments / units;
    assert.ok(share > 0.5 && share < 0.85, `share of commitments ${share.toFixed(2)}`);
  });
});

describe('classifySentence', () => {
  const cases: Array<[string, boolean]> = [
    ['We investeren extra middelen in de renovatie van sociale woningen.', true],
    ['Daarom zetten we in op een aanklampend activeringsbeleid.', true],
    ['De Vlaamse regering zal een conceptnota voorleggen over de hervorming.', true],
    ['Er komt een Vlaams mensenrechteninstituut.', true],
    ['Het decreet wordt geëvalueerd en waar nodig bijgestuurd.', true],
    ['VLAIO monitort, inventariseert en verspreidt de goede praktijken.', true],
    ['Het aandeel hernieuwbare energie moet tegen 2030 stijgen tot minstens 20%.', true],
    ['Wij zijn ervan overtuigd dat onderwijs de sleutel is.', false],
    ['Kennis en kunde zijn essentieel voor welvaart en welzijn.', false],
    ['De EU bracht vrede, vooruitgang en welvaart op ons continent.', false],
    ['Het technische en innovatieve aspect wordt steeds belangrijker.', false],
    ['Dit zal leiden tot meer efficiëntie en kennisdeling.', false],
    ['Vlaanderen wordt gekenmerkt door een divers ideologisch landschap.', false],
    ['Welke stappen moeten nog genomen worden?', false],
    ['De casussen die binnen de LIVC besproken worden, zijn vertrouwelijk.', false],
    // Aims with no deliverable; with an instrument, a date or a figure they are commitments again.
    ['De Vlaamse regering wil werk maken van een warme samenleving.', false],
    ['De Vlaamse regering wil werk maken van een decreet over de erkenning van sportfederaties.', true],
    ['We maken werk van ontharding en ontsnippering.', true],
    ['We geven onze ondernemers alle kansen om te groeien.', false],
    ['Door te investeren in fietspaden maken we de fiets aantrekkelijker.', false],
    ['Hierdoor groeit het draagvlak voor het beleid.', false],
    ['We zetten volop in op een renovatiepremie voor jonge gezinnen.', true],
    ['We zetten volop in op een renovatiepremie', true],
  ];
  for (const [sentence, commitment] of cases) {
    it(`${commitment ? 'commitment' : 'context'}: ${sentence}`, () => {
      const result = classifySentence(sentence);
      assert.equal(result.commitment, commitment, `cue ${result.cue}`);
    });
  }
});
