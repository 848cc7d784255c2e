import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareSectionNumbers, renderIndexMarkdown, type IndexEntry } from './index-page.js';

const counts = (gerealiseerd: number, inUitvoering: number, aangekondigd: number, geenSpoor: number): IndexEntry['statusCounts'] => ({
  gerealiseerd,
  'in-uitvoering': inUitvoering,
  aangekondigd,
  'geen-spoor': geenSpoor,
});

const PART_2 = 'VLAANDEREN IS SOCIAAL EN RECHTVAARDIG';
const PART_3 = 'VLAANDEREN BESTUURT';
const ENTRIES: IndexEntry[] = [
  { sectionId: 'justitie/3.4', number: '3.4', title: 'Dankzij een gecoördineerde uitwisseling van gegevens', chapter: 'Justitie', part: PART_2, statusCounts: counts(2, 0, 0, 0), file: 'justitie/3.4.md' },
  { sectionId: 'justitie/3.10', number: '3.10', title: 'Een | vreemde titel', chapter: 'Justitie', part: PART_2, statusCounts: counts(0, 1, 1, 3), file: 'justitie/3.10.md' },
  { sectionId: 'justitie/3.2', number: '3.2', title: 'Slachtofferzorg', chapter: 'Justitie', part: PART_2, statusCounts: counts(1, 1, 0, 0), file: 'justitie/3.2.md' },
  { sectionId: 'binnenlands-bestuur-en-stedenbeleid/2.2.9', number: '2.2.9', title: 'Preventie van radicalisering', chapter: 'Binnenlands bestuur en stedenbeleid', part: PART_3, statusCounts: counts(1, 2, 0, 1), file: 'binnenlands bestuur/2.2.9.md' },
  { sectionId: 'welzijn/1.1', number: '1.1', title: 'Welzijn', chapter: 'Welzijn', part: PART_2, statusCounts: counts(0, 0, 2, 0), file: 'welzijn/1.1.md' },
];

test('section numbers sort part by part', () => {
  assert.deepEqual(['3.10', '3.2', '3.4', '3.2.1'].sort(compareSectionNumbers), ['3.2', '3.2.1', '3.4', '3.10']);
});

test('index: per-chapter tables in number order with a total row, parts grouped', () => {
  const markdown = renderIndexMarkdown(ENTRIES);
  const justitie = /### Justitie\n\n([\s\S]*?)(?:\n\n|\n$)/.exec(markdown);
  assert.ok(justitie);
  assert.equal(
    justitie[1],
    [
      '| Sectie | Titel | gerealiseerd | in uitvoering | aangekondigd | geen spoor | totaal |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
      '| [3.2](justitie/3.2.md) | Slachtofferzorg | 1 | 1 | 0 | 0 | 2 |',
      '| [3.4](justitie/3.4.md) | Dankzij een gecoördineerde uitwisseling van gegevens | 2 | 0 | 0 | 0 | 2 |',
      '| [3.10](justitie/3.10.md) | Een \\| vreemde titel | 0 | 1 | 1 | 3 | 5 |',
      '| **Totaal** | Justitie | **3** | **2** | **1** | **3** | **9** |',
    ].join('\n'),
  );
  // Welzijn is listed under part 2 even though a part-3 entry came between.
  const part2 = markdown.indexOf(`## ${PART_2}`);
  const part3 = markdown.indexOf(`## ${PART_3}`);
  assert.ok(part2 > 0 && part3 > part2);
  const welzijn = markdown.indexOf('### Welzijn');
  assert.ok(welzijn > part2 && welzijn < part3);
  assert.equal(markdown.split(`## ${PART_2}`).length, 2, 'each part heading once');
  assert.match(markdown, /\(binnenlands%20bestuur\/2\.2\.9\.md\)/, 'link targets are encoded');
});

test('index: totals per chapter and overall add up', () => {
  const markdown = renderIndexMarkdown(ENTRIES);
  const totals = /## Totalen\n\n([\s\S]*?)\n\n/.exec(markdown);
  assert.ok(totals);
  const rows = totals[1]!.split('\n').slice(2);
  assert.deepEqual(rows, [
    `| ${PART_2} | Justitie | 3 | 3 | 2 | 1 | 3 | 9 |`,
    `| ${PART_2} | Welzijn | 1 | 0 | 0 | 2 | 0 | 2 |`,
    `| ${PART_3} | Binnenlands bestuur en stedenbeleid | 1 | 1 | 2 | 0 | 1 | 4 |`,
    '| **Alle delen** | **Alle hoofdstukken** | **5** | **4** | **4** | **3** | **4** | **15** |',
  ]);
  const sum = ENTRIES.reduce((total, entry) => total + Object.values(entry.statusCounts).reduce((a, b) => a + b, 0), 0);
  assert.equal(sum, 15);
});

test('index without entries says so', () => {
  assert.match(renderIndexMarkdown([]), /Er zijn nog geen sectierapporten\.\n$/);
});
