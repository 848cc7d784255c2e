import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { SectionReport } from '../model.js';
import { numberCitations } from './citations.js';
import { renderMarkdown } from './markdown.js';

const fixture = (name: string) => new URL(`../../../test/fixtures/report/${name}`, import.meta.url);
const loadReport = (): SectionReport => JSON.parse(readFileSync(fixture('livc-r-section-report.json'), 'utf8')) as SectionReport;
const EXAMPLES = ['rapport-2.2.9-preventie-radicalisering.md', 'rapport-3.4-gegevensuitwisseling.md'].map((name) =>
  readFileSync(fixture(name), 'utf8'),
);

/** The reference line shape of the brief, checked against the predecessor's examples below. */
const REFERENCE_LINE = /^\*\*\[\\\[(\d+)\\\]\]\((http[^)]+)\)\*\* : \*\*\((\d{4}-\d{2}-\d{2})\)\*\* /;
const CITATION = /\\\[(\d+)\\\]/g;

/** Splits a report at its references block: [everything before, the block]. */
function splitReferences(markdown: string): [string, string] {
  const start = markdown.lastIndexOf('<details>\n        <summary> Referenties</summary>');
  assert.ok(start > 0, 'has a references block');
  return [markdown.slice(0, start), markdown.slice(start)];
}

/** The reference lines of a references block, without the examples' leading indentation on the first one. */
function referenceLines(block: string): string[] {
  return block
    .split('\n')
    .slice(2, -1)
    .map((line) => line.replace(/^ {8}/, ''))
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('</details>'));
}

test('the reference-line pattern describes every reference of both examples', () => {
  for (const example of EXAMPLES) {
    const lines = referenceLines(splitReferences(example)[1]);
    assert.ok(lines.length >= 13);
    for (const line of lines) assert.match(line, REFERENCE_LINE);
  }
});

test('the <details> blocks are byte-identical in shape to the examples', () => {
  const markdown = renderMarkdown(loadReport());
  for (const example of EXAMPLES) {
    // Section block: same four lines, same indentation, same trailing spaces.
    const exampleSection = /\n\n(<details>\n {8}<summary>Regeerakkoord Sectie <\/summary>\n {8}<p>)[^\n]* <\/p>\n( {8}<\/details> \n\n)/.exec(example);
    assert.ok(exampleSection, 'example has the section block');
    const ours = /\n\n(<details>\n {8}<summary>Regeerakkoord Sectie <\/summary>\n {8}<p>)[^\n]* <\/p>\n( {8}<\/details> \n\n)/.exec(markdown);
    assert.ok(ours, 'our report has the section block');
    assert.equal(ours[1], exampleSection[1]);
    assert.equal(ours[2], exampleSection[2]);

    // References block: same opening lines, first reference indented, closing line with trailing space.
    const [, exampleRefs] = splitReferences(example);
    const [, ourRefs] = splitReferences(markdown);
    const opening = (block: string) => block.split('\n').slice(0, 2).join('\n') + '\n' + block.split('\n')[2]!.slice(0, 11);
    assert.equal(opening(ourRefs), opening(exampleRefs));
    assert.equal(ourRefs.split('\n').at(-2), exampleRefs.trimEnd().split('\n').at(-1) + ' ');
    // Consecutive references separated by " \n\n" exactly as in the examples.
    assert.match(exampleRefs, / \n\n\*\*\[\\\[1\\\]\]/);
    assert.match(ourRefs, / \n\n\*\*\[\\\[2\\\]\]/);
  }
  assert.ok(markdown.startsWith('# Voortgangsrapportage naleving regeerakkoord: Dankzij een gecoördineerde uitwisseling van gegevens\n\n<details>\n'));
  assert.match(markdown, /<p>3\.4 Dankzij een gecoördineerde uitwisseling van gegevens De strijd tegen gewelddadige radicalisering .* globaal beeld kan vormen\. <\/p>/);
});

test('every citation resolves to a listed reference, every reference is cited, numbers follow first appearance', () => {
  const report = loadReport();
  const markdown = renderMarkdown(report);
  const [text, references] = splitReferences(markdown);
  const lines = referenceLines(references);
  const listed = lines.map((line) => Number(/^\*\*\[?\\\[(\d+)\\\]/.exec(line)?.[1]));
  assert.deepEqual(listed, [1, 2, 3, 4, 5, 6]);

  const cited = [...text.matchAll(CITATION)].map((match) => Number(match[1]));
  for (const n of cited) assert.ok(listed.includes(n), `\\[${n}\\] is listed`);
  for (const n of listed) assert.ok(cited.includes(n), `reference ${n} is cited in the text`);
  const firstAppearances = [...new Set(cited)];
  assert.deepEqual(firstAppearances, listed, 'the first citation of n comes after the first citation of n-1');

  // The five decisions link to their themis URIs with their dates; question 294 has no link.
  const { order } = numberCitations(report);
  lines.forEach((line, index) => {
    const source = report.sources[order[index]!]!;
    if (source.uri === null) {
      assert.equal(line, `**\\[${index + 1}\\]** : **(2022-04-26)** Lokale integrale veiligheidscellen inzake radicalisme, extremisme en terrorisme (LIVC-R’s) - Samenwerkingsakkoord (parlementair document, geen link) `);
      return;
    }
    const match = REFERENCE_LINE.exec(line);
    assert.ok(match, line);
    assert.equal(Number(match[1]), index + 1);
    assert.equal(match[2], source.uri);
    assert.equal(match[3], source.date);
    assert.ok(line.slice(match[0].length).startsWith(`${source.title} `), 'title follows the date');
    assert.ok(line.endsWith(' '), 'trailing space as in the examples');
  });
  assert.doesNotMatch(markdown, /\(http[^)]*\)[^\n]*\(http/, 'one link per reference line');
  assert.doesNotMatch(references, /Draaiboek/, 'the uncited source is not listed');
});

test('claims carry their citations before the final period, without spaces between marks', () => {
  const markdown = renderMarkdown(loadReport());
  assert.match(markdown, /\n## Belangrijkste bevindingen\nOp 17 juli 2020 keurde .* \(LIVC-R\) \\\[1\\\]\\\[2\\\]\. Het ontwerpdecreet werd op 5 maart 2021 definitief goedgekeurd en op 21 mei 2021 bekrachtigd \\\[3\\\]\\\[4\\\]\.\n\nOp 21 februari 2020/);
  assert.match(markdown, /is er gekomen \\\[4\\\]\\\[1\\\]\. Of de verbindingsofficier .* blijkt niet uit de beslissingen\.\n/, 'a claim without citations has no marks');
});

test('commitments table: Dutch status, confidence, the full text, reasons with citations, parliamentary signals', () => {
  const report = loadReport();
  const markdown = renderMarkdown(report);
  const table = /## Engagementen\n(\| # \| Engagement \| Status \| Zekerheid \| Toelichting \|\n\| --- \| --- \| --- \| --- \| --- \|\n(?:\|.*\|\n)+)/.exec(markdown);
  assert.ok(table, 'table follows the heading');
  const rows = table[1]!.trim().split('\n').slice(2);
  assert.equal(rows.length, report.commitments.length);
  assert.match(rows[0]!, /^\| 1 \| We creëren een decretaal kader .* beroepsgeheim schenden\. \| gerealiseerd \| sterk bewijs \| Decreet bekrachtigd op 2021-05-21 \\\[4\\\], na definitieve goedkeuring op 2021-03-05 \\\[3\\\]; het federale samenwerkingsakkoord ontbreekt nog \\\[6\\\] \|$/);
  const longText = report.commitments[1]!.text;
  assert.ok(longText.length > 200);
  assert.equal(rows[1]!.split(' | ')[1], longText.replace(/\s+/g, ' ').trim(), 'the table has the whole commitment, never cut off');
  assert.match(markdown, /\n\n⚠ Signaal uit het parlement: “Dat samenwerkingsakkoord is er nog niet en dus blijven er onduidelijkheden\.” \\\[6\\\]\n\n⚠ Signaal uit het parlement: “Er is geen zicht op verdere timing en aanpak\.” \\\[6\\\]\n/);

  report.commitments[0]!.status = 'in-uitvoering';
  report.commitments[1]!.status = 'geen-spoor';
  const relabelled = renderMarkdown(report);
  assert.match(relabelled, /\| in uitvoering \|/);
  assert.match(relabelled, /\| geen spoor \|/);
});

test('a status to check says why and cites its candidate sources, which are then listed', () => {
  const report = loadReport();
  const before = renderMarkdown(report);
  assert.doesNotMatch(before, /Draaiboek/, 'a weak candidate is not listed while the status is sure');
  report.commitments[0]!.confidence = 'laag';
  report.commitments[0]!.confidenceReason = 'Betwist: een parlementair document signaleert een probleem met de uitvoering.';
  const markdown = renderMarkdown(report);
  const row = markdown.split('\n').find((line) => line.startsWith('| 1 |'))!;
  assert.match(row, /\| te controleren \| .* Betwist: een parlementair document signaleert een probleem met de uitvoering\. Na te lezen: \\\[\d+\\\]/);
  const candidate = /Na te lezen: ((?:\\\[\d+\\\])+)/.exec(row)![1]!;
  assert.match(markdown, /<summary> Referenties<\/summary>[\s\S]*Draaiboek en vraag- en antwoordfiche/, 'the candidate is listed among the references');
  assert.ok(candidate.length > 0);
});

test('pipes and newlines in table cells cannot break the table', () => {
  const report = loadReport();
  report.commitments[0]!.text = 'Een | gevaarlijke\ncel';
  report.commitments[0]!.reason = 'Reden met | pijp\nen regel {{cite:60A3B2AA364ED90008000362}}';
  const markdown = renderMarkdown(report);
  assert.match(markdown, /\n\| 1 \| Een \\\| gevaarlijke cel \| gerealiseerd \| sterk bewijs \| Reden met \\\| pijp en regel \\\[4\\\] \|\n/);
});

test('dossier timelines: steps with a number when cited, without when only found via the dossier', () => {
  const markdown = renderMarkdown(loadReport());
  const dossiers = /\n## Dossiers\n([\s\S]*?)\n\n---\n/.exec(markdown);
  assert.ok(dossiers);
  assert.equal(
    dossiers[1],
    [
      '### Vlaamse deelname aan lokale integrale veiligheidscellen rond radicalisme, extremisme en terrorisme',
      '- 2020-07-17 — principiële goedkeuring \\[1\\]',
      '- 2020-10-30 — tweede principiële goedkeuring \\[2\\]',
      '- 2020-12-18 — tweede principiële goedkeuring',
      '- 2021-03-05 — definitieve goedkeuring \\[3\\]',
      '- 2021-05-21 — bekrachtiging \\[4\\]',
    ].join('\n'),
    'the one-step dossier of the liaison officer is not shown',
  );
});

test('closing note and generator line say honestly how the report was made', () => {
  const report = loadReport();
  const note =
    '\n\n---\nOpmerking: Dit rapport is automatisch samengesteld uit beslissingen van de Vlaamse Regering en parlementaire documenten. Elke bewering verwijst naar een bron; lees de bronnen zelf voor het volledige beeld.\n\n';
  assert.ok(renderMarkdown(report).includes(`${note}Opgesteld met: extractieve generator (offline)\n\n<details>`));
  report.generator = { name: 'llm', model: 'mistral-small' };
  assert.ok(renderMarkdown(report).includes(`${note}Opgesteld met: taalmodel mistral-small\n`));
  report.generator = { name: 'extractive', model: 'mistral-small', fellBackToExtractive: true };
  assert.match(renderMarkdown(report), /\nOpgesteld met: extractieve generator \(offline\) \(terugval op de extractieve generator[^)]*\)\n/);
});

test('sources without link or date, and non-http links, are shown without inventing a URL', () => {
  const report = loadReport();
  const question = report.sources['parlement/schriftelijke-vraag-294-2022-livc-r-samenwerkingsakkoord']!;
  question.date = null;
  report.sources['5E4B9B2AA19C1A0008000182']!.uri = 'javascript:alert(1)';
  const markdown = renderMarkdown(report);
  assert.match(markdown, /\n\*\*\\\[6\\\]\*\* : \*\*\(zonder datum\)\*\* Lokale integrale veiligheidscellen .* \(parlementair document, geen link\) \n/);
  assert.doesNotMatch(markdown, /\]\(javascript:/);
  assert.match(markdown, /\n\*\*\\\[5\\\]\*\* : \*\*\(2020-02-21\)\*\* Aanstellen van een verbindingsofficier met veiligheidsmachtiging \(link: javascript:alert\(1\)\) \n/);
});

test('external text cannot inject HTML or Markdown structure', () => {
  const report = loadReport();
  report.section.text = 'Tekst met <script>alert(1)</script> & </p></details>\n\nnieuwe alinea';
  report.sources['5F0D5B16FA87E000080004A0']!.title = 'Titel [nep](javascript:alert(1)) <img src=x onerror=alert(1)>';
  report.body[0]!.paragraphs[1]![0]!.text = '# Geen kop maar tekst met *sterretjes*.';
  const markdown = renderMarkdown(report);
  assert.match(markdown, /<p>3\.4 Dankzij een gecoördineerde uitwisseling van gegevens Tekst met &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &lt;\/p&gt;&lt;\/details&gt; nieuwe alinea <\/p>\n/);
  assert.ok(markdown.includes('Titel \\[nep\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\>'));
  assert.doesNotMatch(markdown, /(^|[^\\])<(img|script)/, 'no unescaped tag');
  assert.match(markdown, /\n\n\\# Geen kop maar tekst met \\\*sterretjes\\\* \\\[5\\\]\.\n/);
});

test('a section text that already starts with its heading is not prefixed twice', () => {
  const report = loadReport();
  report.section.text = `3.4 Dankzij een gecoördineerde uitwisseling van gegevens\n\n${report.section.text}`;
  assert.match(renderMarkdown(report), /<p>3\.4 Dankzij een gecoördineerde uitwisseling van gegevens De strijd/);
});

test('rendering is deterministic and ends with one newline', () => {
  const report = loadReport();
  const first = renderMarkdown(report);
  assert.equal(renderMarkdown(loadReport()), first);
  assert.ok(first.endsWith('        </details> \n'));
});
