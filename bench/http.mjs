#!/usr/bin/env node
// HTTP load on loopback, bounded in time: a `serve` process of its own on the
// bundled index, then section reports rotating over every section (JSON,
// Markdown and HTML) at 10 and at 100 connections, searches at 10, the promise
// list (pages of 50 under rotating filters, and its CSV export of a chapter)
// and promise pages rotating over every promise at 10.
// Prints req/s, p50, p99 and errors per scenario. Budget (DESIGN.md): a stored
// report p99 <= 20 ms at 10 connections.
//
//   npm run setup && node bench/http.mjs [seconds per scenario = 10]
import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { Agent, request } from 'node:http';
import { percentile, shortQueries } from './latency.mjs';

const seconds = Number(process.argv[2] ?? 10);
const cli = new URL('../bin/beloftemeter.js', import.meta.url).pathname;

const server = spawn(process.execPath, [cli, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /draait op (http:\/\/\S+)/.exec(out);
    if (match) resolve(match[1]);
  });
  server.on('exit', (code) => reject(new Error(`serve stopped with ${code}`)));
});

function get(agent, path) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request(`${url}${path}`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ ms: performance.now() - started, ok: res.statusCode === 200 }));
    });
    req.on('error', () => resolve({ ms: performance.now() - started, ok: false }));
    req.end();
  });
}

/** `connections` loops, each sending the next path as soon as the previous answered, for `seconds`. */
async function scenario(name, connections, nextPath) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const times = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const { ms, ok } = await get(agent, nextPath());
        times.push(ms);
        if (!ok) errors++;
      }
    }),
  );
  agent.destroy();
  console.log(
    `${name.padEnd(44)} ${String(Math.round(times.length / seconds)).padStart(6)} req/s  p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(times, 99).toFixed(1).padStart(6)} ms  errors ${errors}`,
  );
}

try {
  const sections = await (await fetch(`${url}/api/sections`)).json();
  const formats = ['json', 'md', 'html'];
  let i = 0;
  const reports = () => {
    const section = sections[i % sections.length];
    const format = formats[Math.floor(i / sections.length) % formats.length];
    i++;
    return `/api/reports/${section.id}?format=${format}`;
  };
  let q = 0;
  const searches = () => `/api/search?q=${encodeURIComponent(shortQueries[q++ % shortQueries.length])}&k=20`;
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}; ${sections.length} sections, ${seconds} s per scenario`);
  await scenario('reports, all sections and formats, 10 conns', 10, reports);
  await scenario('reports, all sections and formats, 100 conns', 100, reports);
  await scenario('search, short queries, 10 conns', 10, searches);
  await scenario('stats, 10 conns', 10, () => '/api/stats');
  const lists = [
    '/api/promises?limit=50',
    '/api/promises?limit=50&status=gerealiseerd',
    '/api/promises?limit=50&chapter=justitie%2F3&confidence=laag',
    '/api/promises?limit=50&q=decreet',
    '/api/promises?limit=50&offset=1000',
    '/api/promises?limit=50&minister=Somers',
  ];
  let l = 0;
  await scenario('promise list, pages of 50, 6 filters, 10 conns', 10, () => lists[l++ % lists.length]);
  await scenario('promise list, CSV of a chapter, 10 conns', 10, () => '/api/promises?format=csv&chapter=onderwijs%2F1');
  const all = (await (await fetch(`${url}/api/promises?limit=5000`)).json()).items.map((p) => p.path);
  let p = 0;
  await scenario(`promise pages, all ${all.length} promises, 10 conns`, 10, () => `/api/promises/${all[p++ % all.length]}`);
} finally {
  server.kill('SIGTERM');
}
