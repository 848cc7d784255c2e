// The large-corpus paths (lexical pruning, inverted lists over the dense
// vectors), exercised on the bundled decisions by lowering the size from
// which they switch on, and held against exhaustive scoring.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Decision } from '../model/documents.js';
import { bundledDecisions } from '../testing/fixture-data.js';
import { corpusLexicon, createSearchAnalysis, type SearchAnalysis } from './analysis.js';
import { scoreBm25, scoreBm25Pruned } from './bm25.js';
import { decisionForSearch } from './documents.js';
import { buildSearchIndex, defaultIndexOptions, search, type SearchIndex } from './engine.js';
import { probeIvf } from './ivf.js';
import { deserialiseSearch, serialiseSearch } from './persisted.js';
import { topK } from './ranking.js';

let decisions: Decision[];
let analysis: SearchAnalysis;
let index: SearchIndex;

before(async () => {
  decisions = await bundledDecisions();
  const docs = decisions.map(decisionForSearch);
  analysis = createSearchAnalysis(corpusLexicon(docs));
  index = buildSearchIndex(docs, analysis.analyser, { ...defaultIndexOptions, largeCorpusDocs: 0 });
});

/** A long, many-topic query: the bodies of a few decisions on different subjects. */
function longQuery(): Map<string, number> {
  const text = decisions.filter((_, i) => i % 700 === 3).map((d) => d.bodyText).join('\n');
  return analysis.analyser.weightedTerms(text, 0.5);
}

describe('lexical pruning', () => {
  test('with no term counted as common it is exhaustive BM25', () => {
    const query = longQuery();
    const exact = scoreBm25(index.bm25, query);
    const { scores, docs } = scoreBm25Pruned(index.bm25, query, { commonDf: index.bm25.docCount, candidates: 10 });
    assert.deepEqual([...scores], [...exact]);
    assert.deepEqual([...docs].sort((a, b) => a - b), [...exact.keys()].filter((d) => exact[d]! > 0));
  });

  test('common terms only lower the scores of documents outside the candidates; the top is scored exactly', () => {
    const query = longQuery();
    const exact = scoreBm25(index.bm25, query);
    const candidates = 200;
    const { scores, docs } = scoreBm25Pruned(index.bm25, query, { commonDf: 0.02 * index.bm25.docCount, candidates });
    let lowered = 0;
    for (const doc of docs) {
      assert.ok(scores[doc]! <= exact[doc]! + 1e-9, `doc ${doc} scores above its exact score`);
      if (scores[doc]! < exact[doc]! - 1e-9) lowered++;
    }
    assert.ok(lowered > 0, 'some documents miss the common terms: the pruning did something');
    for (const { doc, score } of topK(scores, 50)) assert.ok(Math.abs(score - exact[doc]!) < 1e-9, `top document ${doc} is scored exactly`);
    const exactTop = new Set(topK(exact, 20).map((r) => r.doc));
    const shared = topK(scores, 20).filter((r) => exactTop.has(r.doc)).length;
    assert.ok(shared >= 15, `top 20 shares ${shared} documents with exhaustive scoring`);
  });

  test('a query of common terms only is scored exhaustively', () => {
    const query = analysis.analyser.weightedTerms('Vlaamse Regering', 0.5);
    const exact = scoreBm25(index.bm25, query);
    const { scores } = scoreBm25Pruned(index.bm25, query, { commonDf: 1, candidates: 5 });
    assert.deepEqual([...scores], [...exact]);
  });
});

describe('inverted lists over the dense vectors', () => {
  test('every document is in exactly one list, and a document probes its own list', () => {
    const ivf = index.ivf!;
    assert.ok(ivf, 'built when the corpus is large enough');
    assert.equal(ivf.lists, Math.round(Math.sqrt(decisions.length)));
    assert.deepEqual([...ivf.listDocs].sort((a, b) => a - b), [...Array(decisions.length).keys()]);
    const dims = index.lsa.dimensions;
    for (const doc of [0, 1234, decisions.length - 1]) {
      const own = index.lsa.docVectors.slice(doc * dims, (doc + 1) * dims);
      const probed = probeIvf(ivf, own);
      assert.ok(probed.includes(doc), `document ${doc} found through its own vector`);
      assert.ok(probed.length < decisions.length / 3, `probing reads ${probed.length} documents, a fraction of the corpus`);
      assert.ok(probed.every((d, i) => i === 0 || probed[i - 1]! < d), 'ascending and unique');
    }
  });
});

describe('search on a large-corpus index', () => {
  const options = () => ({ k: 10, genericTerms: analysis.genericTerms, passages: analysis.passages });

  test('a rare name still comes first, as with exhaustive scoring', () => {
    const fast = search(index, 'verbindingsofficier veiligheidsmachtiging', analysis.analyser, options());
    const exact = search(index, 'verbindingsofficier veiligheidsmachtiging', analysis.analyser, { ...options(), exhaustive: true });
    assert.match(fast[0]!.doc.title, /verbindingsofficier/i);
    assert.equal(fast[0]!.doc.id, exact[0]!.doc.id);
  });

  test('a section-length query keeps most of the exhaustive top 10, and filters still hold', () => {
    const text = decisions.filter((d) => /radicali/i.test(d.title)).map((d) => d.bodyText).join('\n');
    const fast = search(index, text, analysis.analyser, { ...options(), from: '2021-01-01' });
    const exact = new Set(search(index, text, analysis.analyser, { ...options(), from: '2021-01-01', exhaustive: true }).map((h) => h.doc.id));
    assert.ok(fast.every((h) => h.doc.date! >= '2021-01-01'));
    assert.ok(fast.filter((h) => exact.has(h.doc.id)).length >= 7);
  });

  test('the inverted lists survive storing and loading the index', () => {
    const loaded = deserialiseSearch(serialiseSearch({ index, analysis }));
    assert.deepEqual(loaded.index.ivf?.listDocs, index.ivf?.listDocs);
    const query = 'herbestemming parochiekerken';
    assert.deepEqual(
      search(loaded.index, query, loaded.analysis.analyser, options()).map((h) => h.doc.id),
      search(index, query, analysis.analyser, options()).map((h) => h.doc.id),
    );
  });
});
