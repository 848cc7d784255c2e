import type { Command } from 'commander';
import { deriveAll } from '../../ingest/derive.js';
import { silentProgress } from '../../ingest/progress.js';
import { updateFromApi } from '../../ingest/update.js';
import { parseDateBound } from '../../search/query.js';
import { DEFAULT_DECISIONS_API_URL, decisionsApiConfig } from '../../sources/decisions/live/index.js';
import { withStore } from '../config.js';
import { printJson, type Output } from '../output.js';
import { stderrProgress } from '../progress-bar.js';

interface UpdateFlags {
  apiUrl?: string;
  from?: string;
  to?: string;
  json?: boolean;
  quiet?: boolean;
}

export function registerUpdateCommand(program: Command, out: Output): void {
  program
    .command('update')
    .description('haal nieuwe en gewijzigde beslissingen op bij de API van de beslissingensite en werk de index bij')
    .option('--api-url <url>', `basis-URL van de API (of BELOFTEMETER_DECISIONS_API_URL; standaard ${DEFAULT_DECISIONS_API_URL})`)
    .option('--from <date>', 'vanaf vergaderdatum (YYYY-MM-DD; standaard de laatste vergaderdatum in de index)')
    .option('--to <date>', 'tot en met vergaderdatum (YYYY-MM-DD; standaard vandaag)')
    .option('--json', 'samenvatting als JSON op stdout')
    .option('--quiet', 'geen voortgang op stderr')
    .action(async (flags: UpdateFlags) => {
      // Flags are checked before the store is opened, so a typo creates no empty index.
      const api = decisionsApiConfig(flags.apiUrl);
      const from = flags.from === undefined ? undefined : parseDateBound(flags.from, 'from', '--from');
      const to = flags.to === undefined ? undefined : parseDateBound(flags.to, 'to', '--to');
      const update = await withStore(
        program,
        (store) => updateFromApi({ store, api, from, to, progress: flags.quiet ? silentProgress : stderrProgress(out), derive: deriveAll }),
        { out },
      );
      const { run } = update;
      if (flags.json) {
        printJson(out, {
          from: update.from,
          to: update.to,
          fetched: update.fetched,
          ...run.counts,
          written: run.written,
          skipped: run.issues.length,
          issues: run.issues,
        });
      } else {
        out.stdout(
          `Index bijgewerkt vanuit de beslissingen-API (${update.from} t/m ${update.to}): ` +
            `${update.fetched} beslissingen opgehaald, ${run.written.decisions} nieuw of gewijzigd` +
            `${run.issues.length ? `, ${run.issues.length} overgeslagen` : ''}; ${run.counts.decisions} beslissingen in de index.\n`,
        );
      }
    });
}
