import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { SectionReport } from '../model.js';
import { numberCitations } from './citations.js';
import { renderHtml } from './html.js';

const FIXTURE = new URL('../../../test/fixtures/report/livc-r-section-report.json', import.meta.url);
const loadReport = (): SectionReport => JSON.parse(readFileSync(FIXTURE, 'utf8')) as SectionReport;

const SCRIPT = '<script>alert(1)</script>';
const ATTRIBUTE = '" onmouseover="alert(1)';

/** Puts hostile text in every field that comes from external data. */
function hostileReport(): SectionReport {
  const report = loadReport();
  report.title = `Rapport ${SCRIPT}`;
  report.section.title = `Sectie ${SCRIPT}`;
  report.section.text = `Tekst ${SCRIPT} ${ATTRIBUTE}`;
  report.section.part = ATTRIBUTE;
  report.body[0]!.heading = `Kop ${SCRIPT}`;
  report.body[0]!.paragraphs[0]![0]!.text = `Bewering ${SCRIPT}.`;
  report.commitments[0]!.text = `Engagement ${SCRIPT}`;
  report.commitments[0]!.reason = `Reden ${SCRIPT} {{cite:60A3B2AA364ED90008000362}}`;
  report.commitments[0]!.problems[0]!.quote = `Citaat ${SCRIPT} ${ATTRIBUTE}`;
  report.dossiers[0]!.title = `Dossier ${SCRIPT}`;
  report.dossiers[0]!.steps[0]!.stageLabel = `Stap ${SCRIPT}`;
  const first = report.sources['5F0D5B16FA87E000080004A0']!;
  first.title = `Titel ${SCRIPT}`;
  first.snippet = `Fragment ${ATTRIBUTE}`;
  first.uri = `http://themis.vlaanderen.be/id/x${ATTRIBUTE.replace(/ /g, '')}`;
  report.sources['5F9936BF5B1AD200080003A6']!.uri = 'javascript:alert(1)';
  report.sources['603F6012339140000800035B']!.uri = 'data:text/html,<script>alert(1)</script>';
  return report;
}

test('a complete Dutch HTML5 document with inline CSS and no scripts', () => {
  const html = renderHtml(loadReport());
  assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">'));
  assert.ok(html.trimEnd().endsWith('</html>'));
  assert.match(html, /<title>Voortgangsrapportage naleving regeerakkoord: Dankzij een gecoördineerde uitwisseling van gegevens<\/title>/);
  assert.match(html, /<style>[\s\S]*\.status-gerealiseerd \{ background: #[0-9a-f]{6}; \}[\s\S]*<\/style>/);
  assert.doesNotMatch(html, /<script|<link |src="http/, 'self-contained: no scripts, stylesheets or remote resources');
  assert.match(html, /<main>[\s\S]*<h1>[\s\S]*<\/main>/);
});

test('citations link to numbered reference anchors, and every anchor is cited', () => {
  const report = loadReport();
  const html = renderHtml(report);
  const { order } = numberCitations(report);
  const anchors = [...html.matchAll(/<li id="ref-(\d+)" value="\1">/g)].map((match) => Number(match[1]));
  assert.deepEqual(anchors, order.map((_, index) => index + 1));
  const links = [...html.matchAll(/<a href="#ref-(\d+)">\[\1\]<\/a>/g)].map((match) => Number(match[1]));
  for (const n of links) assert.ok(anchors.includes(n));
  for (const n of anchors) assert.ok(links.includes(n), `reference ${n} is cited`);
  assert.deepEqual([...new Set(links)], anchors, 'numbered by first appearance');
  assert.match(html, /bekrachtigd <a href="#ref-3">\[3\]<\/a><a href="#ref-4">\[4\]<\/a>\./);
  assert.match(html, /<li id="ref-1" value="1"><span class="date">\(<time datetime="2020-07-17">2020-07-17<\/time>\)<\/span> <a href="http:\/\/themis\.vlaanderen\.be\/id\/resource\/d43a5e70-4927-11ec-94bb-99a9d1e168fe">Lokale integrale veiligheidscellen/);
  assert.match(html, /<li id="ref-6" value="6">.*\(parlementair document, geen link\)/);
});

test('commitments as a table with status badges in colour and in words; signals and timeline', () => {
  const report = loadReport();
  report.commitments[1]!.status = 'aangekondigd';
  const html = renderHtml(report);
  assert.match(html, /<table>\n<caption>[^<]+<\/caption>\n<thead><tr><th scope="col">#<\/th><th scope="col">Engagement<\/th><th scope="col">Status<\/th><th scope="col">Zekerheid<\/th><th scope="col">Toelichting<\/th><\/tr><\/thead>/);
  assert.match(html, /<td><span class="status status-gerealiseerd">gerealiseerd<\/span><\/td><td>sterk bewijs<\/td><td>Decreet bekrachtigd op 2021-05-21 <a href="#ref-4">\[4\]<\/a>/);
  assert.match(html, /<span class="status status-aangekondigd">aangekondigd<\/span>/);
  assert.match(html, /geïnstalleerd, die de informatie-uitwisseling .* coördineert\.<\/td>/, 'the full commitment text, not truncated');
  assert.match(html, /<li><span aria-hidden="true">⚠<\/span> Signaal uit het parlement: “Er is geen zicht op verdere timing en aanpak\.” <a href="#ref-6">\[6\]<\/a><\/li>/);
  assert.match(html, /<ol class="timeline">\n<li><time datetime="2020-07-17">2020-07-17<\/time> — principiële goedkeuring <a href="#ref-1">\[1\]<\/a><\/li>/);
  assert.match(html, /<li><time datetime="2020-12-18">2020-12-18<\/time> — tweede principiële goedkeuring<\/li>/);
  assert.equal(html.match(/<ol class="timeline">/g)?.length, 1, 'the one-step dossier has no timeline');
});

test('hostile text is escaped everywhere and only http(s) links are written', () => {
  const html = renderHtml(hostileReport());
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /" onmouseover="/);
  assert.doesNotMatch(html, /href="(?!#ref-\d+"|https?:)/, 'no href with another scheme');
  const escapedScript = '&lt;script&gt;alert(1)&lt;/script&gt;';
  for (const where of ['Rapport ', 'Sectie ', 'Tekst ', 'Kop ', 'Bewering ', 'Engagement ', 'Reden ', 'Citaat ', 'Dossier ', 'Stap ', 'Titel ']) {
    assert.ok(html.includes(`${where}${escapedScript}`), `${where.trim()} is escaped`);
  }
  assert.ok(html.includes('Fragment &quot; onmouseover=&quot;alert(1)'));
  assert.ok(html.includes('href="http://themis.vlaanderen.be/id/x&quot;onmouseover=&quot;alert(1)"'), 'the quote cannot close the attribute');
  assert.match(html, /\(link: javascript:alert\(1\)\)/, 'a javascript: URI is shown as text');
  assert.match(html, /\(link: data:text\/html,&lt;script&gt;/);
});

test('a source without date says so', () => {
  const report = loadReport();
  report.sources['parlement/schriftelijke-vraag-294-2022-livc-r-samenwerkingsakkoord']!.date = null;
  assert.match(renderHtml(report), /<li id="ref-6" value="6"><span class="date">\(zonder datum\)<\/span>/);
});

test('the agreement text keeps its paragraphs and its bullet list', () => {
  const html = renderHtml(loadReport());
  assert.match(html, /<blockquote>\n<p>De strijd tegen gewelddadige radicalisering [^<]* extremisme\.<\/p>\n<ul>\n<li>We creëren een decretaal kader [^<]*schenden\.<\/li>\n<li>Om de informatiepositie [^<]*globaal beeld kan vormen\.<\/li>\n<\/ul>\n<\/blockquote>/);
  assert.match(html, /Opgesteld op <time datetime="2025-01-15T10:00:00\.000Z">2025-01-15<\/time>/);
});
