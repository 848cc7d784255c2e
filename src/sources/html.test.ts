import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText, sanitiseHtml } from './html.js';

const HOSTILE = [
  '<p onclick="steal()">Intro <strong>vet</strong></p>',
  '<script>alert("xss")</script>',
  '<style>body { display: none }</style>',
  '<img src="x" onerror="alert(1)">',
  '<a href="javascript:alert(2)">klik</a>',
  '<a href="JaVaScRiPt&colon;alert(3)">klik2</a>',
  '<a href="https://www.vlaanderen.be/" target="_blank" onmouseover="x()">site</a>',
  '<a href="/relatief">relatief</a>',
  '<iframe src="https://evil.example/">fallback tekst</iframe>',
  '<svg><script>alert(4)</script></svg>',
  '<object data="x.swf">obj</object>',
].join('');

test('sanitiseHtml keeps basic formatting and drops everything executable', () => {
  const safe = sanitiseHtml(HOSTILE);
  assert.match(safe, /<p>Intro <strong>vet<\/strong><\/p>/);
  assert.match(safe, /<a href="https:\/\/www\.vlaanderen\.be\/">site<\/a>/);
  for (const forbidden of [/<script/i, /<style/i, /<img/i, /<iframe/i, /<svg/i, /<object/i, /\bon\w+=/i, /javascript/i, /alert/, /target=/, /href="\/relatief"/]) {
    assert.doesNotMatch(safe, forbidden);
  }
  // Links we cannot keep lose their href but keep their text.
  assert.match(safe, /<a>klik<\/a>/);
  assert.match(safe, /<a>relatief<\/a>/);
});

test('sanitiseHtml keeps tables, lists, headings and mailto links; strips styles and data attributes', () => {
  const safe = sanitiseHtml(
    '<h2 style="color:red">Kop</h2><ul><li data-x="1">een</li></ul><table><tr><td colspan="2" style="x">c</td></tr></table>' +
      '<p data-indentation-level="0"><span style="font-weight:500">CO<sub>2</sub></span> <a href="mailto:info@vlaanderen.be">mail</a></p>',
  );
  assert.equal(
    safe,
    '<h2>Kop</h2><ul><li>een</li></ul><table><tr><td colspan="2">c</td></tr></table>' +
      '<p>CO<sub>2</sub> <a href="mailto:info@vlaanderen.be">mail</a></p>',
  );
});

test('htmlToText turns blocks into paragraphs, <br> into lines and list items into "- " lines', () => {
  const text = htmlToText(
    '<!-- components --><p>Eerste&nbsp;alinea   met\n  <strong>vet</strong>.</p><p>Tweede<br>regel &amp; meer</p>' +
      '<ul><li>een</li><li><p>twee</p><ul><li>diep</li></ul></li><li></li></ul>slot',
  );
  assert.equal(text, 'Eerste alinea met vet.\n\nTweede\nregel & meer\n\n- een\n- twee\n  - diep\n\nslot');
});

test('htmlToText drops script, style and iframe content and comments', () => {
  const text = htmlToText(HOSTILE);
  assert.doesNotMatch(text, /alert|display: none|fallback|components/);
  assert.match(text, /Intro vet/);
  assert.match(text, /site/);
});

test('htmlToText reads a blank line in a text node as a paragraph break (editor components)', () => {
  const html =
    '   <!----> Na advies <strong>wijzigt </strong>de&nbsp;Regering het besluit.&nbsp;<!---->\n\nDe minister zal in 2020 een ontwerp voorleggen.<!-- components -->\n<!---->\n\n&nbsp;\n\n<!---->';
  assert.equal(htmlToText(html), 'Na advies wijzigt de Regering het besluit.\n\nDe minister zal in 2020 een ontwerp voorleggen.');
  assert.equal(htmlToText('Eerste zin.\n&nbsp;\nTweede<!-- x --> zin.'), 'Eerste zin.\n\nTweede zin.');
  assert.equal(htmlToText('omvat twee&nbsp;\n\n<!-- components -->aspecten: een'), 'omvat twee aspecten: een');
  assert.equal(htmlToText('Zin.\n\n\u200b<p>\u200b</p>Volgende'), 'Zin.\n\nVolgende');
});

test('htmlToText renders table rows as lines with cells separated by " | "', () => {
  const text = htmlToText('<table><tr><th>Jaar</th><th><p>Bedrag</p></th></tr><tr><td>2021</td><td>1,4 miljoen</td></tr></table>');
  assert.equal(text, 'Jaar | Bedrag\n2021 | 1,4 miljoen');
});

test('htmlToText of empty or whitespace-only HTML is empty', () => {
  assert.equal(htmlToText(''), '');
  assert.equal(htmlToText('<!----> \n\n&nbsp;\n\n<p></p>'), '');
});
