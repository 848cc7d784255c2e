#!/usr/bin/env node
// Ablation of the retrieval pipeline on a benchmark file (default: the dev set):
// lexical only, dense only, fused, with and without query splitting.
// Builds the index straight from the bundled decisions; prints one row per variant.
import { fileURLToPath } from 'node:url';
import { readDecisions } from '../dist/sources/decisions/index.js';
import { loadBenchmark, evaluateRetrieval } from '../dist/search/benchmark.js';
import { round3 } from '../dist/search/metrics.js';
import { buildSearchIndex, search } from '../dist/search/engine.js';
import { corpusLexicon, createSearchAnalysis } from '../dist/search/analysis.js';
import { decisionForSearch } from '../dist/search/documents.js';

const benchmarkPath = process.argv[2] ?? fileURLToPath(new URL('../../shared/eval/retrieval-dev.json', import.meta.url));
const dataFile = fileURLToPath(new URL('../data/beslissingen-2019-2024.jsonl.gz', import.meta.url));
const benchmark = loadBenchmark(benchmarkPath);

const decisions = [];
for await (const read of readDecisions(dataFile)) if (read.kind === 'decision') decisions.push(read.decision);
const docs = decisions.map(decisionForSearch);

const variants = (process.env.VARIANTS ?? 'lexical-nosplit,lexical,dense-nosplit,dense,fused-nosplit,fused,fused-rrf').split(',');
const modes = {
  'lexical': { lexical: true, dense: false, split: true },
  'lexical-nosplit': { lexical: true, dense: false, split: false },
  'dense': { lexical: false, dense: true, split: true },
  'dense-nosplit': { lexical: false, dense: true, split: false },
  'fused': { lexical: true, dense: true, split: true },
  'fused-nosplit': { lexical: true, dense: true, split: false },
  'fused-rrf': { lexical: true, dense: true, split: true },
};
for (const compounds of (process.env.COMPOUNDS ?? 'on,off').split(',')) {
  const t0 = performance.now();
  const analysis = createSearchAnalysis(compounds === 'on' ? corpusLexicon(docs) : null);
  const index = buildSearchIndex(docs, analysis.analyser);
  console.error(`index (compounds ${compounds}) built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const name of variants) {
    const result = evaluateRetrieval(benchmark, (section) =>
      search(index, section.query, analysis.analyser, { k: 50, mode: modes[name], fusion: name.endsWith('-rrf') ? 'rank' : 'score', type: 'decision', genericTerms: analysis.genericTerms, passages: analysis.passages })
        .map((hit) => hit.doc.id));
    const row = Object.fromEntries(Object.entries(result).map(([k, v]) => [k, typeof v === 'number' ? round3(v) : v]));
    console.log(JSON.stringify({ variant: name, compounds, ...row, peer: undefined }));
  }
}
const peer = evaluateRetrieval(benchmark, (s) => s.peer_ranking ?? []);
console.log(JSON.stringify({ variant: 'peer', 'recall@10': round3(peer['recall@10']), 'recall@20': round3(peer['recall@20']), 'recall@50': round3(peer['recall@50']), 'ndcg@20': round3(peer['ndcg@20']) }));
