#!/usr/bin/env node
// Search latency at scale (DESIGN.md budget: at 100x the corpus, synthetic,
// search p50 <= 50 ms). The synthetic corpus is the bundled decisions plus
// (factor - 1) x as many made-up ones: each takes a real decision's titles
// and as many sentences as that decision has, drawn from random decisions.
// Vocabulary, lengths and posting-list shapes stay those of the real corpus,
// and the made-up documents are distractors rather than near-copies, so the
// retrieval benchmark (when ../shared/eval/retrieval-dev.json exists) still
// measures something at scale. Builds the index in-process (time printed),
// then times short and section-length queries and compares the pruned
// large-corpus scoring with exhaustive scoring.
// Usage: node bench/search-scale.mjs [factor=100] [rounds=3]
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readDecisions } from '../dist/sources/decisions/index.js';
import { readFile } from 'node:fs/promises';
import { parseAgreement } from '../dist/sources/agreement/index.js';
import { buildSearchIndex, defaultIndexOptions } from '../dist/search/engine.js';
import { corpusLexicon, createSearchAnalysis } from '../dist/search/analysis.js';
import { rankDocuments } from '../dist/search/service.js';
import { evaluateRetrieval, loadBenchmark, round3 } from '../dist/search/benchmark.js';
import { splitSentences } from '../dist/text/index.js';
import { decisionForSearch } from '../dist/search/documents.js';
import { uniformSource } from '../dist/search/random.js';
import { percentile, shortQueries, timeSearches } from './latency.mjs';

const factor = Number(process.argv[2] ?? 100);
const rounds = Number(process.argv[3] ?? 3);
const data = fileURLToPath(new URL('../data/', import.meta.url));

const decisions = [];
for await (const read of readDecisions(`${data}beslissingen-2019-2024.jsonl.gz`)) if (read.kind === 'decision') decisions.push(read.decision);
const base = decisions.map(decisionForSearch);
const sentencesOf = base.map((d) => splitSentences(d.body));
const random = uniformSource(42);
const pick = (n) => Math.floor(random() * n);

const docs = [];
for (let c = 0; c < factor; c++) {
  for (const [i, d] of base.entries()) {
    if (c === 0) { docs.push(d); continue; }
    const sentences = [];
    for (let j = 0; j < Math.max(1, sentencesOf[i].length); j++) {
      const donor = sentencesOf[pick(base.length)];
      if (donor.length) sentences.push(donor[pick(donor.length)]);
    }
    docs.push({ ...d, id: `${d.id}-${c}`, body: sentences.join(' ') });
  }
}

const t0 = performance.now();
const analysis = createSearchAnalysis(corpusLexicon(docs));
const index = buildSearchIndex(docs, analysis.analyser, defaultIndexOptions);
const buildMs = performance.now() - t0;
const loaded = { index, analysis };

const agreement = await parseAgreement(await readFile(`${data}regeerakkoord-2019-2024.pdf`), { agreement: 'regeerakkoord-2019-2024' });
const sections = agreement.filter((s) => s.text.length > 200);
// What pruning and inverted lists cost in quality: overlap of the top 20 with exhaustive scoring.
function overlap(queries) {
  let sum = 0;
  for (const query of queries) {
    const fast = rankDocuments(loaded, { query, k: 20 }).map((h) => h.doc.id);
    const exact = new Set(rankDocuments(loaded, { query, k: 20, exhaustive: true }).map((h) => h.doc.id));
    sum += exact.size ? fast.filter((id) => exact.has(id)).length / exact.size : 1;
  }
  return sum / queries.length;
}
const shortTimes = timeSearches(loaded, shortQueries, rounds);
const sectionTimes = timeSearches(loaded, sections.map((s) => `${s.number} ${s.title} ${s.text}`), rounds);
const mb = (n) => `${Math.round(n / 2 ** 20)} MB`;
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
console.log(`corpus: ${docs.length} documents (${factor}× ${base.length}); index built in ${(buildMs / 1000).toFixed(1)} s; rss ${mb(process.memoryUsage().rss)}`);
console.log(`short queries   (${shortTimes.length} runs): p50 ${percentile(shortTimes, 50).toFixed(2)} ms, p99 ${percentile(shortTimes, 99).toFixed(2)} ms`);
console.log(`section queries (${sectionTimes.length} runs): p50 ${percentile(sectionTimes, 50).toFixed(2)} ms, p99 ${percentile(sectionTimes, 99).toFixed(2)} ms`);
const sample = sections.filter((_, i) => i % 4 === 0).map((s) => `${s.number} ${s.title} ${s.text}`);
console.log(`top-20 overlap with exhaustive scoring: short ${overlap(shortQueries).toFixed(3)}, section ${overlap(sample).toFixed(3)} (${sample.length} sections)`);
const benchmarkFile = fileURLToPath(new URL('../../shared/eval/retrieval-dev.json', import.meta.url));
if (existsSync(benchmarkFile)) {
  const benchmark = loadBenchmark(benchmarkFile);
  const recall = (exhaustive) => evaluateRetrieval(benchmark, (s) => rankDocuments(loaded, { query: s.query, k: 50, type: 'decision', exhaustive }).map((h) => h.doc.id));
  const [fast, exact] = [recall(false), recall(true)];
  const row = (r) => `recall@20 ${round3(r['recall@20'])}, recall@50 ${round3(r['recall@50'])}`;
  console.log(`retrieval-dev among ${docs.length} documents: pruned ${row(fast)}; exhaustive ${row(exact)}`);
}
