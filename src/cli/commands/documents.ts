import type { Command } from 'commander';
import { agreementSections } from '../../store/agreements.js';
import { loadDossiers } from '../../dossiers/persisted.js';
import { findDocument } from '../../dossiers/timeline.js';
import { indexStats, sectionSummary } from '../../store/summary.js';
import { InputError } from '../../errors.js';
import type { AgreementSection } from '../../model/documents.js';
import { withStore } from '../config.js';
import { printJson, type Output } from '../output.js';
import { formatDecision, formatParliament, formatSection } from '../format.js';

/** Suggests section ids for a mistyped or partial id ("3.4" -> "justitie/3.4", ...). */
function suggestions(sections: AgreementSection[], id: string): string[] {
  const needle = id.toLowerCase();
  return sections
    .filter((s) => s.id.endsWith(`/${needle}`) || s.id.includes(needle))
    .slice(0, 8)
    .map((s) => `${s.id} (${s.title})`);
}

export function registerDocumentCommands(program: Command, out: Output): void {
  program
    .command('sections')
    .description('de boom van het regeerakkoord met de id van elke sectie')
    .option('--json', 'als JSON')
    .action(async (options: { json?: boolean }) => {
      await withStore(program, async (store) => {
        const { sections } = await agreementSections(store, program.opts().agreement);
        if (options.json) return printJson(out, sections.map(sectionSummary));
        let part = '';
        for (const s of sections) {
          if (s.part !== part) {
            part = s.part;
            out.stdout(`\n${part}\n`);
          }
          out.stdout(`${'  '.repeat(s.level)}${s.number} ${s.title}  [${s.id}]\n`);
        }
      });
    });

  program
    .command('show')
    .description('toon een sectie, beslissing of parlementair document')
    .argument('<id>', 'sectie-id (justitie/3.4), beslissings-id of parlement/<naam>')
    .option('--json', 'als JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      await withStore(program, async (store) => {
        const { sections } = await agreementSections(store, program.opts().agreement);
        const section = sections.find((s) => s.id === id);
        if (section) {
          const children = sections.filter((s) => s.parentId === section.id);
          if (options.json) return printJson(out, { type: 'section', ...section, children: children.map((c) => c.id) });
          return out.stdout(formatSection(section, children));
        }
        const doc = await findDocument(store, (await loadDossiers(store)).dossierOf, id);
        if (doc) {
          if (options.json) return printJson(out, doc);
          return out.stdout(doc.type === 'decision' ? formatDecision(doc, doc.dossier) : formatParliament(doc));
        }
        const near = suggestions(sections, id);
        throw new InputError(
          `no section or document with id "${id}"${near.length ? `; did you mean: ${near.join(', ')}` : ''}`,
        );
      });
    });

  program
    .command('stats')
    .description('tellingen van de index')
    .option('--json', 'als JSON')
    .action(async (options: { json?: boolean }) => {
      await withStore(program, async (store) => {
        const { agreement, sections } = await agreementSections(store, program.opts().agreement);
        const stats = await indexStats(store, sections);
        if (options.json) return printJson(out, stats);
        out.stdout(
          (stats.agreements.length > 1 ? `regeerakkoorden: ${stats.agreements.map((a) => `${a.agreement} (${a.sections} secties)`).join(', ')}; getoond: ${agreement}\n` : '') +
            `secties: ${stats.sections} (${stats.chapters} hoofdstukken, ${stats.leafSections} eindsecties)\n` +
            `beslissingen: ${stats.decisions}\nparlementaire documenten: ${stats.parliament}\n` +
            (stats.lastIngest ? `laatste ingest: ${stats.lastIngest.finishedAt} (${stats.lastIngest.skipped} overgeslagen)\n` : ''),
        );
      });
    });
}
