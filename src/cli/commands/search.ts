import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { evaluateRetrieval, loadBenchmark, round3, type BenchmarkSection } from '../../search/benchmark.js';
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
    .description('meet de zoekkwaliteit op een benchmarkbestand (formaat van retrieval-dev.json)')
    .argument('<file>', 'benchmarkbestand (JSON)')
    .option('--json', 'als JSON')
    .action(async (file: string, flags: { json?: boolean }) => {
      const benchmark = loadBenchmark(file);
      await withStore(program, async (store) => {
        const loaded = await loadSearch(store);
        const embeddings = await queryEmbeddingsFromEnv(store, loaded.index, warn);
        // Ranked up front: the query embeddings are asynchronous, the scoring is not.
        const rankings = new Map<BenchmarkSection, string[]>();
        let embedded = 0;
        for (const section of benchmark.sections) {
          const scores = embeddings ? await embeddings.scores(checkQuery(section.query)) : null;
          if (scores) embedded++;
          const hits = rankDocuments(loaded, { query: section.query, k: 50, type: 'decision' }, scores ? { scores } : undefined);
          rankings.set(section, hits.map((hit) => hit.doc.id));
        }
        const result = evaluateRetrieval(benchmark, (section) => rankings.get(section)!);
        const rounded = {
          sections: result.sections,
          'recall@10': round3(result['recall@10']),
          'recall@20': round3(result['recall@20']),
          'recall@50': round3(result['recall@50']),
          'ndcg@20': round3(result['ndcg@20']),
          ...(result.peer
            ? { peer: Object.fromEntries(Object.entries(result.peer).map(([k, v]) => [k, round3(v)])) }
            : {}),
          // Only with embeddings configured and stored, so the offline figures stay as they were.
          ...(embeddings ? { embeddings: { model: embeddings.model, queries: embedded } } : {}),
        };
        if (flags.json) return out.stdout(`${JSON.stringify(rounded)}\n`);
        out.stdout(`secties: ${rounded.sections}\n`);
        if (embeddings) out.stdout(`embeddings: ${embeddings.model} (bij ${embedded} van ${rounded.sections} secties)\n`);
        for (const metric of ['recall@10', 'recall@20', 'recall@50', 'ndcg@20'] as const) {
          out.stdout(`${metric.padEnd(10)} ${rounded[metric].toFixed(3)}${rounded.peer ? `   (peer ${(rounded.peer as Record<string, number>)[metric]?.toFixed(3)})` : ''}\n`);
        }
      });
    });
}
