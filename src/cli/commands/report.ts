import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { silentProgress } from '../../ingest/progress.js';
import { loadDossiers } from '../../dossiers/persisted.js';
import { askQuestion, checkQuestion, formatAnswer } from '../../report/ask.js';
import { writeAllReports } from '../../report/batch.js';
import { buildSectionReport } from '../../report/build.js';
import { loadReportContext } from '../../report/context.js';
import { extractiveAnswerer, extractiveGenerator } from '../../report/extractive.js';
import type { Answerer, Generator } from '../../report/generator.js';
import { createLlmAnswerer, createLlmClient, createLlmGenerator, llmConfigFromEnv, missingLlmConfigMessage } from '../../report/llm/index.js';
import { renderHtml } from '../../report/render/html.js';
import { renderJson } from '../../report/render/json.js';
import { renderMarkdown } from '../../report/render/markdown.js';
import { loadSearch } from '../../search/persisted.js';
import { withStore } from '../config.js';
import { printJson, type Output } from '../output.js';
import { stderrProgress } from '../progress-bar.js';

function llmConfig() {
  const config = llmConfigFromEnv();
  if (!config) throw new InputError(`--generator llm: ${missingLlmConfigMessage()}`);
  return config;
}

/**
 * The report generator and question answerer `--generator` names. With `llm`
 * they share one client, so BELOFTEMETER_LLM_CONCURRENCY bounds both together.
 */
export function chooseWriters(name: string | undefined): { generator: Generator; answerer: Answerer } {
  if (!name || name === 'extractive') return { generator: extractiveGenerator, answerer: extractiveAnswerer };
  if (name === 'llm') {
    const config = llmConfig();
    const client = createLlmClient(config);
    return { generator: createLlmGenerator(config, extractiveGenerator, { client }), answerer: createLlmAnswerer(config, extractiveAnswerer, { client }) };
  }
  throw new InputError(`--generator expects "extractive" or "llm", got "${name}"`);
}

export const chooseGenerator = (name: string | undefined): Generator => chooseWriters(name).generator;
export const chooseAnswerer = (name: string | undefined): Answerer => chooseWriters(name).answerer;

interface ReportFlags {
  format: string;
  generator?: string;
  all?: boolean;
  out?: string;
  force?: boolean;
  quiet?: boolean;
}

export function registerReportCommands(program: Command, out: Output): void {
  program
    .command('report')
    .description('voortgangsrapport van een sectie (of van alle secties met --all --out DIR)')
    .argument('[section]', 'sectie-id, bv. justitie/3.4')
    .option('--format <format>', 'md, json of html', 'md')
    .option('--generator <name>', 'extractive (standaard, offline) of llm')
    .option('--all', 'alle secties')
    .option('--out <dir>', 'uitvoermap voor --all')
    .option('--force', 'met --all: ook secties opnieuw maken die al klaar zijn')
    .option('--quiet', 'geen voortgang op stderr')
    .action(async (sectionId: string | undefined, flags: ReportFlags) => {
      const generator = chooseGenerator(flags.generator);
      if (flags.all) {
        if (sectionId) throw new InputError('give either a section id or --all, not both');
        if (!flags.out) throw new InputError('--all needs --out DIR');
        await withStore(program, async (store) => {
          const context = await loadReportContext(store, program.opts().agreement);
          const result = await writeAllReports(context, generator, {
            outDir: resolve(flags.out!),
            force: Boolean(flags.force),
            progress: flags.quiet ? silentProgress : stderrProgress(out),
          });
          out.stdout(
            `${result.written + result.skipped} rapporten in ${resolve(flags.out!)} (${result.written} nieuw, ${result.skipped} al klaar); ` +
              `engagementen: ${result.counts.gerealiseerd} gerealiseerd, ${result.counts['in-uitvoering']} in uitvoering, ` +
              `${result.counts.aangekondigd} aangekondigd, ${result.counts['geen-spoor']} zonder spoor.\n`,
          );
          if (result.failed.length) throw new Error(`${result.failed.length} rapporten mislukt (zie hierboven)`);
        });
        return;
      }
      if (!sectionId) throw new InputError('give a section id (see "beloftemeter sections") or --all --out DIR');
      const render = { md: renderMarkdown, json: renderJson, html: renderHtml }[flags.format];
      if (!render) throw new InputError(`--format expects md, json or html, got "${flags.format}"`);
      await withStore(program, async (store) => {
        const context = await loadReportContext(store, program.opts().agreement);
        out.stdout(render(await buildSectionReport(context, sectionId, generator)));
      });
    });

  program
    .command('ask')
    .description('beantwoord een vraag met bronnen')
    .argument('<question...>', 'de vraag, bv. "wat deed de regering rond LIVC-R?"')
    .option('--generator <name>', 'extractive (standaard, offline) of llm')
    .option('--json', 'als JSON')
    .action(async (words: string[], flags: { generator?: string; json?: boolean }) => {
      const answerer = chooseAnswerer(flags.generator);
      // A question that cannot be asked is refused before the index is loaded.
      const question = checkQuestion(words.join(' '));
      await withStore(program, async (store) => {
        const [search, { dossierOf }] = await Promise.all([loadSearch(store), loadDossiers(store)]);
        const answered = await askQuestion(store, search, question, answerer, dossierOf);
        if (flags.json) return printJson(out, answered);
        out.stdout(formatAnswer(answered));
      });
    });
}
