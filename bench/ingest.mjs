#!/usr/bin/env node
// Full ingest of the bundled data into a fresh SQLite file, repeated; prints the
// median wall time and the median peak RSS (each run is a separate process, so
// the RSS is the ingest's own). Budget (DESIGN.md): <= 10 s and <= 500 MB on 2 cores.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.argv[2] ?? 5);
const cliModule = new URL('../dist/cli/program.js', import.meta.url).href;
const dir = mkdtempSync(join(tmpdir(), 'beloftemeter-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const times = [];
const rss = [];
try {
  for (let i = 0; i < runs; i++) {
    const db = join(dir, `index-${i}.db`);
    // Each run in its own process, which reports its own wall time and peak RSS.
    const child = `
      const start = performance.now();
      const { run } = await import(${JSON.stringify(cliModule)});
      const code = await run(['ingest', '--quiet', '--db', ${JSON.stringify(db)}], { stdout() {}, stderr: (t) => process.stderr.write(t), interactive: false });
      if (code !== 0) process.exit(code);
      console.log(JSON.stringify({ ms: performance.now() - start, maxRssKiB: process.resourceUsage().maxRSS }));
    `;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' });
    if (result.status !== 0) {
      console.error(result.stderr);
      process.exit(1);
    }
    const { ms, maxRssKiB } = JSON.parse(result.stdout);
    times.push(ms);
    rss.push(maxRssKiB / 1024);
    console.error(`run ${i + 1}/${runs}: ${(ms / 1000).toFixed(2)} s, peak RSS ${(maxRssKiB / 1024).toFixed(0)} MB`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `ingest (bundled data, ${runs} runs, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB): ` +
    `median ${(median(times) / 1000).toFixed(2)} s, median peak RSS ${median(rss).toFixed(0)} MB`,
);
