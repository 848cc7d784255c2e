import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { silentProgress } from '../../ingest/progress.js';
import { createEmbeddingsClient } from '../../search/embeddings/client.js';
import { embeddingsConfigFromEnv, missingEmbeddingsConfigMessage } from '../../search/embeddings/config.js';
import { embedDocuments } from '../../search/embeddings/embed.js';
import { withStore } from '../config.js';
import { printJson, type Output } from '../output.js';
import { stderrProgress } from '../progress-bar.js';

export function registerEmbedCommand(program: Command, out: Output): void {
  program
    .command('embed')
    .description('bereken vectoren met een extern embeddingmodel (BELOFTEMETER_EMBEDDINGS_*) voor documenten die er nog geen hebben')
    .option('--force', 'alle documenten opnieuw, ook die al een actuele vector hebben')
    .option('--json', 'samenvatting als JSON op stdout')
    .option('--quiet', 'geen voortgang op stderr')
    .action(async (flags: { force?: boolean; json?: boolean; quiet?: boolean }) => {
      const config = embeddingsConfigFromEnv();
      if (!config) throw new InputError(missingEmbeddingsConfigMessage()!);
      const progress = flags.quiet ? silentProgress : stderrProgress(out);
      const result = await withStore(program, (store) => embedDocuments(store, createEmbeddingsClient(config), config, progress, { force: Boolean(flags.force) }), { out });
      if (flags.json) return printJson(out, result);
      out.stdout(`embedded ${result.embedded}, up to date ${result.upToDate}, model ${result.model}, dims ${result.dims ?? '-'}\n`);
    });
}
