#!/usr/bin/env node
// Search latency on the built index (run `npm run setup` first): p50/p99 for
// short queries and for section-length queries (the agreement's own sections),
// in-process after loading the index, so only query time is measured.
// Budget (DESIGN.md): section-length p50 <= 5 ms, p99 <= 25 ms on 2 cores.
import { cpus } from 'node:os';
import { openSqliteStore } from '../dist/store/sqlite.js';
import { loadSearch } from '../dist/search/persisted.js';
import { percentile, shortQueries, timeSearches } from './latency.mjs';

const db = process.argv[2] ?? '.beloftemeter/index.db';
const rounds = Number(process.argv[3] ?? 3);
const store = openSqliteStore(db, { readonly: true });
const t0 = performance.now();
const loaded = await loadSearch(store);
const loadMs = performance.now() - t0;
const sections = (await store.sections()).filter((s) => s.text.length > 200);
await store.close();

const shortTimes = timeSearches(loaded, shortQueries, rounds);
const sectionTimes = timeSearches(loaded, sections.map((s) => `${s.number} ${s.title} ${s.text}`), rounds);
const meanChars = Math.round(sections.reduce((n, s) => n + s.text.length, 0) / sections.length);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}; index load ${loadMs.toFixed(0)} ms`);
console.log(`short queries   (${shortTimes.length} runs): p50 ${percentile(shortTimes, 50).toFixed(2)} ms, p99 ${percentile(shortTimes, 99).toFixed(2)} ms`);
console.log(`section queries (${sectionTimes.length} runs, mean ${meanChars} chars): p50 ${percentile(sectionTimes, 50).toFixed(2)} ms, p99 ${percentile(sectionTimes, 99).toFixed(2)} ms`);
