import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { evaluateGraded, evaluateRetrieval, loadAnyBenchmark } from '../../search/benchmark.js';
import { round3 } from '../../search/metrics.js';
import { queryEmbeddingsFromEnv } from '../../search/embeddings/retriever.js';
import { loadSearch } from '../../search/persisted.js';
import { checkQuery, parseDateBound } from '../../search/query.js';
import { rankDocuments, searchDocuments } from '../../search/service.js';
import { loadDossiers } from '../../dossiers/persisted.js';
import type { DossierOfHit } from '../../search/service.js';
import { withStore } from '../config.js';
import { printJson, type Output } from '../output.js';

export function parseCount(value: string, flag: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new InputError(`${flag} expects a whole number from 1 to ${max}, got "${value}"`);
  return n;
}

/** "dossier van 5 stappen (2020-07-17 tot 2021-05-21, verst: ...); ook gevonden: 2020-07-17 principiële goedkeuring, ..." */
function formatDossierOfHit(dossier: DossierOfHit): string {
  const others = dossier.matched.slice(1).map((m) => `${m.date ?? '?'} ${m.stageLabel}`);
  return (
    `dossier van ${dossier.stepCount} stappen (${dossier.firstDate} tot ${dossier.lastDate}, verst: ${dossier.furthestStageLabel})` +
    (others.length ? `; ook gevonden: ${others.join(', ')}` : '')
  );
}

interface SearchFlags {
  k: string;
  type?: string;
  from?: string;
  to?: string;
  minister?: string;
  perDossier?: boolean;
  json?: boolean;
}

export function registerSearchCommands(program: Command, out: Output): void {
  const warn = (message: string) => out.stderr(`waarschuwing: ${message}\n`);

  program
    .command('search')
    .description('zoek beslissingen en parlementaire documenten')
    .argument('<query...>', 'zoekvraag (vrije tekst)')
    .option('--k <n>', 'aantal resultaten', '10')
    .option('--type <type>', 'alleen decision of parliament')
    .option('--from <date>', 'vanaf datum (YYYY-MM-DD)')
    .option('--to <date>', 'tot en met datum (YYYY-MM-DD)')
    .option('--minister <name>', 'alleen beslissingen van deze minister (deel van de naam)')
    .option('--per-dossier', 'de stappen van één dossier als één resultaat')
    .option('--json', 'als JSON')
    .action(async (words: string[], flags: SearchFlags) => {
      const query = words.join(' ');
      const k = parseCount(flags.k, '--k', 1000);
      if (flags.type && flags.type !== 'decision' && flags.type !== 'parliament') {
        throw new InputError(`--type expects "decision" or "parliament", got "${flags.type}"`);
      }
      const request = {
        query,
        k,
        type: flags.type as 'decision' | 'parliament' | undefined,
        from: flags.from ? parseDateBound(flags.from, 'from', '--from') : undefined,
        to: flags.to ? parseDateBound(flags.to, 'to', '--to') : undefined,
        mandatee: flags.minister,
      };
      await withStore(program, async (store) => {
        const loaded = await loadSearch(store);
        const embeddings = await queryEmbeddingsFromEnv(store, loaded.index, warn);
        const dossierOf = flags.perDossier ? (await loadDossiers(store)).dossierOf : undefined;
        const hits = await searchDocuments(loaded, store, request, { dossierOf, embeddings });
        if (flags.json) return printJson(out, hits);
        if (hits.length === 0) return out.stdout('Geen resultaten.\n');
        for (const hit of hits) {
          out.stdout(
            `${String(hit.rank).padStart(3)}. ${hit.date ?? 'zonder datum'} · ${hit.type === 'decision' ? 'beslissing' : 'parlement'} · ${hit.title}\n` +
              `     ${hit.id}${hit.uri ? ` · ${hit.uri}` : ''}\n` +
              (hit.dossier ? `     ${formatDossierOfHit(hit.dossier)}\n` : '') +
              (hit.snippet ? `     ${hit.snippet}\n` : ''),
          );
        }
      });
    });

  program
    .command('eval-retrieval')
    .description('meet de zoekkwaliteit op een benchmarkbestand (retrieval-dev.json, of met graderingen: judged-dev.json)')
    .argument('<file>', 'benchmarkbestand (JSON)')
    .option('--json', 'als JSON')
    .action(async (file: string, flags: { json?: boolean }) => {
      const loadedBenchmark = loadAnyBenchmark(file);
      await withStore(program, async (store) => {
        const loaded = await loadSearch(store);
        const embeddings = await queryEmbeddingsFromEnv(store, loaded.index, warn);
        // Ranked up front: the query embeddings are asynchronous, the scoring is not.
        const rankings = new Map<string, string[]>();
        let embedded = 0;
        for (const section of loadedBenchmark.benchmark.sections) {
          const scores = embeddings ? await embeddings.scores(checkQuery(section.query)) : null;
          if (scores) embedded++;
          const hits = rankDocuments(loaded, { query: section.query, k: 50, type: 'decision' }, scores ? { scores } : undefined);
          rankings.set(section.id, hits.map((hit) => hit.doc.id));
        }
        const ranked = (section: { id: string }) => rankings.get(section.id)!;
        const result =
          loadedBenchmark.kind === 'graded' ? evaluateGraded(loadedBenchmark.benchmark, ranked) : evaluateRetrieval(loadedBenchmark.benchmark, ranked);
        const metrics = Object.keys(result).filter((key) => key !== 'sections' && key !== 'peer');
        const roundAll = (scores: object) => Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, round3(v as number)]));
        const rounded: Record<string, unknown> = {
          sections: result.sections,
          ...roundAll(Object.fromEntries(metrics.map((m) => [m, (result as unknown as Record<string, number>)[m]]))),
          ...(result.peer ? { peer: roundAll(result.peer) } : {}),
          // Only with embeddings configured and stored, so the offline figures stay as they were.
          ...(embeddings ? { embeddings: { model: embeddings.model, queries: embedded } } : {}),
        };
        if (flags.json) return out.stdout(`${JSON.stringify(rounded)}\n`);
        out.stdout(`secties: ${result.sections}${loadedBenchmark.kind === 'graded' ? ' (gegradeerde relevantie)' : ''}\n`);
        if (embeddings) out.stdout(`embeddings: ${embeddings.model} (bij ${embedded} van ${result.sections} secties)\n`);
        const peer = rounded.peer as Record<string, number> | undefined;
        for (const metric of metrics) {
          out.stdout(`${metric.padEnd(12)} ${(rounded[metric] as number).toFixed(3)}${peer ? `   (peer ${peer[metric]?.toFixed(3)})` : ''}\n`);
        }
      });
    });
}
