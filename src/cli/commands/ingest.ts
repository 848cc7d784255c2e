import type { Command } from 'commander';
import { deriveAll } from '../../ingest/derive.js';
import { ingestDataFolder } from '../../ingest/ingest.js';
import { silentProgress } from '../../ingest/progress.js';
import { BUNDLED_DATA_DIR, withStore } from '../config.js';
import { printJson, type Output } from '../output.js';
import { stderrProgress } from '../progress-bar.js';

export function registerIngestCommand(program: Command, out: Output): void {
  program
    .command('ingest')
    .description('laad regeerakkoord, beslissingen en parlementaire documenten en bouw de index')
    .option('--data <dir>', 'map met de brongegevens', BUNDLED_DATA_DIR)
    .option('--json', 'samenvatting als JSON op stdout')
    .option('--quiet', 'geen voortgang op stderr')
    .action(async (options: { data: string; json?: boolean; quiet?: boolean }) => {
      await withStore(
        program,
        async (store) => {
          const run = await ingestDataFolder({
            dataDir: options.data,
            store,
            progress: options.quiet ? silentProgress : stderrProgress(out),
            derive: deriveAll,
          });
          if (options.json) {
            printJson(out, { ...run.counts, written: run.written, skipped: run.issues.length, issues: run.issues });
          } else {
            out.stdout(
              `Index bijgewerkt: ${run.counts.sections} secties van het regeerakkoord, ` +
                `${run.counts.decisions} beslissingen, ${run.counts.parliament} parlementaire documenten` +
                ` (${run.written.sections + run.written.decisions + run.written.parliament} nieuw of gewijzigd` +
                `${run.issues.length ? `, ${run.issues.length} overgeslagen` : ''}).\n`,
            );
          }
        },
        { out },
      );
    });
}
