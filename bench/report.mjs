#!/usr/bin/env node
// Report generation time with the extractive generator on the built index
// (run `npm run setup` first): the median of one section's report over
// repeated runs, and one full pass over every section (in memory, no files).
// Budget (DESIGN.md): one report <= 200 ms, all sections <= 30 s on 2 cores.
import { cpus } from 'node:os';
import { openSqliteStore } from '../dist/store/sqlite.js';
import { loadReportContext } from '../dist/report/context.js';
import { buildSectionReport } from '../dist/report/build.js';
import { sectionsToReport } from '../dist/report/batch.js';
import { extractiveGenerator } from '../dist/report/extractive.js';
import { renderMarkdown } from '../dist/report/render/markdown.js';

const db = process.argv[2] ?? '.beloftemeter/index.db';
const runs = Number(process.argv[3] ?? 9);
const store = openSqliteStore(db, { readonly: true });
const context = await loadReportContext(store);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const one = [];
for (const id of ['justitie/3.4', 'binnenlands-bestuur-en-stedenbeleid/2.2.9']) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    renderMarkdown(await buildSectionReport(context, id, extractiveGenerator));
    times.push(performance.now() - start);
  }
  one.push(`${id}: median ${median(times).toFixed(0)} ms`);
}

const start = performance.now();
const todo = sectionsToReport(context.sections);
for (const { section, scope } of todo) renderMarkdown(await buildSectionReport(context, section.id, extractiveGenerator, { scope }));
const all = performance.now() - start;
await store.close();
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
console.log(`one report (${runs} runs): ${one.join('; ')}`);
console.log(`all ${todo.length} reports: ${(all / 1000).toFixed(1)} s`);
