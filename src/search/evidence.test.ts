import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseDecision } from '../sources/decisions/index.js';
import { sampleDecision } from '../testing/documents.js';
import { bundledDecisionLines } from '../testing/fixture-data.js';
import { findEvidence } from './evidence.js';
import { buildSearch } from './persisted.js';

// Titles and bodies from real decisions; ids are made up for the test.
const decisions = [
  ['A1', 'Lokale integrale veiligheidscellen rond radicalisme, extremisme en terrorisme (LIVC): regeling modaliteiten deelname', 'Het voorontwerp van decreet machtigt Vlaamse diensten om deel te nemen aan de LIVC zonder hun beroepsgeheim te schenden.'],
  ['A2', 'Vlaamse deelname aan lokale integrale veiligheidscellen rond radicalisme, extremisme en terrorisme: machtigingsdecreet', 'Het ontwerpdecreet regelt de deelname van Vlaamse diensten aan de LIVC en het beroepsgeheim.'],
  ['A3', 'Aanstellen van een verbindingsofficier met veiligheidsmachtiging', 'Om de informatiepositie van de Vlaamse overheid te versterken, wijst de Vlaamse Regering een verbindingsofficier aan.'],
  ['A4', 'Decreet organisatie gegevensverwerking en informatie-uitwisseling gedetineerden: wijziging', 'De informatie-uitwisseling over gedetineerden tussen justitiehuizen en diensten wordt geregeld.'],
  ['A5', 'Vaststellen werkingsgebieden woonmaatschappijen', 'De Vlaamse Regering legt de werkingsgebieden van de woonmaatschappijen vast; gemeenten nemen hun regierol op.'],
  ['A6', 'Subsidie kinderopvang: groeipad voor groepsopvang', 'De Vlaamse Regering keurt een subsidie goed voor bijkomende plaatsen in de kinderopvang.'],
].map(([id, title, body]) => sampleDecision({ id: id!, title: title!, shortTitle: null, bodyText: body!, bodyHtml: `<p>${body}</p>` }));

// Sixty real decisions from October 2019 around them, so word rarity is realistic.
const context = bundledDecisionLines().slice(0, 60).map((line) => normaliseDecision(JSON.parse(line)));
const loaded = buildSearch({ sections: [], decisions: [...decisions, ...context], parliament: [] });

test('a commitment finds the documents that share its distinctive words, not those sharing one compound', () => {
  const commitment = 'We creëren een decretaal kader zodat medewerkers van Vlaamse diensten kunnen deelnemen aan een LIVC zonder hun beroepsgeheim te schenden.';
  const ids = findEvidence(loaded, commitment, { minSupport: 6 }).map((hit) => hit.doc.id);
  assert.ok(ids.includes('A1') && ids.includes('A2'), ids.join(','));
  assert.ok(!ids.includes('A6'));
  const officer = 'Er wordt een verbindingsofficier met veiligheidsmachtiging geïnstalleerd die de informatie-uitwisseling coördineert.';
  const officerIds = findEvidence(loaded, officer, { minSupport: 6 }).map((hit) => hit.doc.id);
  assert.equal(officerIds[0], 'A3');
  // Shares only "informatie-uitwisseling" (one word and its parts): never evidence.
  assert.ok(!officerIds.includes('A4'), officerIds.join(','));
});

test('a short question naming one rare thing finds it; only generic words find nothing', () => {
  assert.ok(findEvidence(loaded, 'wat deed de regering rond LIVC-R?').some((hit) => hit.doc.id === 'A1'));
  assert.deepEqual(findEvidence(loaded, 'de Vlaamse Regering keurt een decreet goed'), []);
});

test('a lower bar on shared vocabulary lets a vaguer sentence find its document', () => {
  const commitment = 'We ondersteunen de gemeenten in het opnemen van hun regierol met werkingsgebieden.';
  assert.ok(findEvidence(loaded, commitment, { minSupport: 4 }).some((hit) => hit.doc.id === 'A5'));
});
