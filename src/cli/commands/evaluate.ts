import type { Command } from 'commander';
import { GOLD_STATUSES, loadStatusGold, scoreStatuses, toProjectCommitment, type ProjectCommitment } from '../../assess/eval-status.js';
import { sectionCommitments } from '../../report/build.js';
import { loadReportContext } from '../../report/context.js';
import { withStore } from '../config.js';
import { printJson, type Output } from '../output.js';

export function registerEvaluateCommands(program: Command, out: Output): void {
  program
    .command('eval-status')
    .description('meet de statussen per engagement tegen een goudstandaard (formaat van status-dev.json)')
    .argument('<file>', 'goudstandaard (JSON)')
    .option('--json', 'als JSON')
    .option('--with-reviews', 'meet wat lezers zien, met de beoordelingen van de redactie (standaard: alleen de machine)')
    .action(async (file: string, flags: { json?: boolean; withReviews?: boolean }) => {
      const gold = loadStatusGold(file);
      await withStore(program, async (store) => {
        const loaded = await loadReportContext(store, program.opts().agreement);
        // The machine is measured unless asked otherwise: an editor's review of a gold sentence would flatter it.
        const context = flags.withReviews ? loaded : { ...loaded, assessments: loaded.machineAssessments };
        const known = new Set(context.sections.map((s) => s.id));
        const missing = Object.keys(gold.sections).filter((id) => !known.has(id));
        if (missing.length) out.stderr(`let op: ${missing.length} secties van de goudstandaard zitten niet in de index (${missing.slice(0, 3).join(', ')}…); hun engagementen tellen als niet gevonden\n`);
        // The product's own view of each section: the stored assessments a report shows (without reviews unless asked).
        const project: Record<string, ProjectCommitment[]> = {};
        for (const id of Object.keys(gold.sections)) {
          if (!known.has(id)) continue;
          project[id] = sectionCommitments(context, id).commitments.map(toProjectCommitment);
        }
        const scores = scoreStatuses(gold, project);
        if (flags.json) return printJson(out, scores);
        const show = (x: number | null) => (x === null ? '-' : x.toFixed(3));
        out.stdout(
          [
            `engagementen in de goudstandaard (toetsbaar): ${scores.gold_checkable}, niet gevonden: ${scores.not_listed}`,
            `juiste status:                      ${show(scores.accuracy)}`,
            `spoor / geen spoor juist:           ${show(scores.trace_agreement)}`,
            `precisie "gerealiseerd":            ${show(scores.realised_precision)} (recall ${show(scores.realised_recall)})`,
            `doorslaggevende bron ook bij beoordelaar: ${show(scores.decisive_precision)} (${scores.decisive_in_gold})`,
            `echte engagementen onder de gelijste: ${show(scores.extraction_precision)}`,
            `sterk bewijs (hoog): ${show(scores.high_confidence_accuracy)} juist, ${show(scores.high_confidence_share)} van alle; te controleren: ${show(scores.low_confidence_accuracy)} juist`,
            `verwarring (rij = goud, kolom = ${[...GOLD_STATUSES, 'niet gevonden'].join(' | ')}):`,
            ...GOLD_STATUSES.map((g) => `  ${g.padEnd(14)} ${scores.confusion_gold_x_project[g].map((n) => String(n).padStart(4)).join(' ')}`),
          ].join('\n') + '\n',
        );
      });
    });
}
