import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildBm25Index, scoreBm25 } from './bm25.js';
import { buildLsaModel, embedQuery, scoreDense, symmetricEigen, truncatedSvd, type SparseRows } from './lsa.js';
import { evaluateGraded } from './benchmark.js';
import { gradedNdcgAt, ndcgAt, recallAt } from './metrics.js';
import { pack, unpack } from './pack.js';
import { checkQuery, parseDateBound, MAX_QUERY_CHARS } from './query.js';
import { reciprocalRankFusion, scoreFusion, topK } from './ranking.js';

function bagOfTerms(terms: readonly string[]): Map<string, number> {
  const bag = new Map<string, number>();
  for (const t of terms) bag.set(t, (bag.get(t) ?? 0) + 1);
  return bag;
}

const fields = { k1: 1.2, fields: [{ name: 'title', weight: 3, b: 0.5 }, { name: 'body', weight: 1, b: 0.75 }] };

describe('BM25F', () => {
  const index = buildBm25Index(
    [
      [['livc', 'decreet'], ['deelname', 'vlaamse', 'diensten', 'livc']],
      [['verbindingsofficier'], ['informatie', 'uitwisseling', 'veiligheid']],
      [['decreet', 'kinderopvang'], ['groepsopvang', 'decreet', 'decreet']],
    ],
    fields,
  );

  test('ranks the document that has the rare query term first, title above body', () => {
    const scores = scoreBm25(index, bagOfTerms(['livc']));
    assert.ok(scores[0]! > 0);
    assert.equal(scores[1], 0);
    assert.equal(scores[2], 0);
    const title = buildBm25Index([[['x'], []], [[], ['x']]], fields);
    const s = scoreBm25(title, bagOfTerms(['x']));
    assert.ok(s[0]! > s[1]!, 'a title match outweighs a body match');
  });

  test('query weights scale a term (generic words down-weighted)', () => {
    const full = scoreBm25(index, new Map([['decreet', 1]]));
    const low = scoreBm25(index, new Map([['decreet', 0.25]]));
    assert.ok(Math.abs(low[2]! - full[2]! * 0.25) < 1e-9);
  });

  test('unknown terms and empty queries score nothing', () => {
    assert.deepEqual([...scoreBm25(index, bagOfTerms(['onbekend']))], [0, 0, 0]);
    assert.deepEqual([...scoreBm25(index, new Map())], [0, 0, 0]);
  });
});

describe('ranking and fusion', () => {
  test('topK keeps the k best positive scores in order, ties by document', () => {
    assert.deepEqual(topK([0.1, 0.5, 0, 0.5, 0.3], 3).map((r) => r.doc), [1, 3, 4]);
    assert.deepEqual(topK([0, 0], 5), []);
    assert.deepEqual(topK([1, 2, 3], 2, (doc) => doc !== 2).map((r) => r.doc), [1, 0]);
  });

  test('score fusion keeps a large lexical margin that rank fusion loses', () => {
    const lexical = [{ doc: 7, score: 37 }, { doc: 1, score: 12.6 }, { doc: 2, score: 12.5 }];
    const dense = [{ doc: 1, score: 0.8 }, { doc: 2, score: 0.77 }, { doc: 9, score: 0.7 }];
    assert.equal(scoreFusion([{ ranking: lexical }, { ranking: dense, weight: 0.5 }])[0]!.doc, 7);
    assert.equal(reciprocalRankFusion([{ ranking: lexical }, { ranking: dense }])[0]!.doc, 1);
  });
});

describe('LSA', () => {
  test('symmetric eigen-decomposition recovers a known spectrum', () => {
    // [[2,1],[1,2]] has eigenvalues 3 and 1.
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    assert.deepEqual([...values].map((v) => Math.round(v * 1e9) / 1e9).sort(), [1, 3]);
    const i = values[0]! > values[1]! ? 0 : 1;
    assert.ok(Math.abs(Math.abs(vectors[i]!) - Math.SQRT1_2) < 1e-9);
  });

  test('truncated SVD finds the singular values of a small sparse matrix', () => {
    // diag(5, 3, 1) padded to 4 x 3.
    const matrix: SparseRows = {
      rowStart: Uint32Array.from([0, 1, 2, 3, 3]),
      cols: Uint32Array.from([0, 1, 2]),
      values: Float32Array.from([5, 3, 1]),
      columns: 3,
    };
    const { singular } = truncatedSvd(matrix, 2, { oversample: 1 });
    assert.ok(Math.abs(singular[0]! - 5) < 1e-6);
    assert.ok(Math.abs(singular[1]! - 3) < 1e-6);
  });

  test('documents about the same topic end up closer than unrelated ones, even without shared words', () => {
    const docs = [
      ['kinderopvang', 'groepsopvang', 'ouders'],
      ['kinderopvang', 'gezinsopvang', 'ouders'],
      ['groepsopvang', 'gezinsopvang', 'kinderbegeleider'],
      ['haven', 'schip', 'kaai'],
      ['haven', 'container', 'kaai'],
      ['schip', 'container', 'loods'],
    ];
    const model = buildLsaModel(docs, { dimensions: 2, minDf: 1 });
    const termIndex = new Map(model.terms.map((t, i) => [t, i]));
    const query = embedQuery(model, new Map([["kinderbegeleider", 1], ["ouders", 1]]), termIndex)!;
    const scores = scoreDense(model, query);
    const childcare = Math.min(scores[0]!, scores[1]!, scores[2]!);
    const harbour = Math.max(scores[3]!, scores[4]!, scores[5]!);
    assert.ok(childcare > harbour, `childcare ${childcare} vs harbour ${harbour}`);
    assert.equal(embedQuery(model, new Map([["onbekend", 1]]), termIndex), null);
  });
});

describe('metrics', () => {
  test('recall@k and nDCG@k on a hand-checked ranking', () => {
    const relevant = new Set(['a', 'b', 'c', 'd']);
    assert.equal(recallAt(['a', 'x', 'b', 'y'], relevant, 2), 0.25);
    assert.equal(recallAt(['a', 'x', 'b', 'y'], relevant, 4), 0.5);
    assert.equal(ndcgAt(['a', 'b', 'c', 'd'], relevant, 4), 1);
    const ndcg = ndcgAt(['x', 'a'], new Set(['a']), 2);
    assert.ok(Math.abs(ndcg - 1 / Math.log2(3)) < 1e-12);
    assert.equal(recallAt(['a'], new Set(), 10), 0);
  });

  test('graded nDCG and recall of the 2s, as score_graded.py computes them', () => {
    const grades: Record<string, 0 | 1 | 2> = { a: 2, b: 1, c: 0, d: 2 };
    // Ideal: 2, 2, 1 -> 3 + 3/log2(3) + 1/2.
    const ideal = 3 + 3 / Math.log2(3) + 1 / 2;
    const dcg = 0 + 3 / Math.log2(3) + 1 / 2; // unjudged x, then a, then b
    assert.ok(Math.abs(gradedNdcgAt(['x', 'a', 'b'], grades, 20) - dcg / ideal) < 1e-12);
    assert.equal(gradedNdcgAt(['a', 'd', 'b'], grades, 20), 1);
    assert.equal(gradedNdcgAt(['toString'], { constructor: 0 }, 20), 0, 'ids are never looked up on the prototype');
    const result = evaluateGraded(
      { sections: [{ id: 's1', query: 'q', grades }, { id: 's2', query: 'q', grades: { e: 1 } }] },
      (section) => (section.id === 's1' ? ['a', 'x', 'b'] : ['y']),
    );
    assert.equal(result['R2@20'], 0.5, 'one of the two 2s; s2 has no 2s and is left out');
    assert.equal(result['R1@20'], (2 / 3 + 0) / 2);
    assert.equal(result['unjudged@20'], (1 / 20 + 1 / 20) / 2);
  });
});

describe('packed structures', () => {
  test('round-trip header and typed arrays, and reject foreign bytes', () => {
    const bytes = pack({ version: 1, terms: ['a', 'b'] }, { f: Float32Array.from([1.5, -2]), u: Uint32Array.from([7, 8, 9]) });
    const { header, arrays } = unpack<{ version: number; terms: string[] }>(bytes.subarray(0));
    assert.deepEqual(header, { version: 1, terms: ['a', 'b'] });
    assert.deepEqual([...arrays.f!], [1.5, -2]);
    assert.deepEqual([...arrays.u!], [7, 8, 9]);
    assert.throws(() => unpack(new TextEncoder().encode('SQLite format 3')), /not a packed search structure/);
  });

  test('a blob handed back at an unaligned offset (or an aligned one within a larger buffer) reads the same', () => {
    const bytes = pack({ v: 2 }, { d: Float64Array.from([0.25, 1e-9]), u: Uint32Array.from([1, 2]) });
    for (const shift of [3, 8]) {
      const holder = new Uint8Array(bytes.length + shift);
      holder.set(bytes, shift);
      const { header, arrays } = unpack<{ v: number }>(holder.subarray(shift));
      assert.deepEqual(header, { v: 2 });
      assert.deepEqual([...arrays.d!], [0.25, 1e-9]);
      assert.deepEqual([...arrays.u!], [1, 2]);
    }
  });
});

describe('queries', () => {
  test('any text is a query; only absurd lengths are refused', () => {
    assert.equal(checkQuery('"LIVC" AND (NEAR*) 🙂'), '"LIVC" AND (NEAR*) 🙂');
    assert.equal(checkQuery('a\u0000b'), 'a b');
    assert.equal(checkQuery('\ud800x'), '\ufffdx');
    assert.throws(() => checkQuery('x'.repeat(MAX_QUERY_CHARS + 1)), /query too long/);
  });

  test('date bounds accept days, months and years and reject impossible dates', () => {
    assert.equal(parseDateBound('2021', 'from', '--from'), '2021-01-01');
    assert.equal(parseDateBound('2024-02', 'to', '--to'), '2024-02-29');
    assert.equal(parseDateBound('2021-03-05', 'to', '--to'), '2021-03-05');
    assert.throws(() => parseDateBound('2021-02-30', 'from', '--from'), /--from expects a date/);
    assert.throws(() => parseDateBound('gisteren', 'to', '--to'), /--to expects a date/);
  });
});
