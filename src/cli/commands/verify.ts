import type { Command } from 'commander';
import { loadAssessments } from '../../assess/persisted.js';
import { applyVerdicts, commitmentHash, indexVerdicts, verificationCandidates, verifyCommitment } from '../../assess/verify.js';
import { InputError } from '../../errors.js';
import { agreementSections } from '../../store/agreements.js';
import { silentProgress } from '../../ingest/progress.js';
import { loadDossiers } from '../../dossiers/persisted.js';
import type { Commitment } from '../../report/model.js';
import { createLlmClient, llmConfigFromEnv, missingLlmConfigMessage } from '../../report/llm/index.js';
import { sourcesByKey } from '../../report/sources.js';
import { countStatuses } from '../../report/status-counts.js';
import { sectionWithDescendants } from '../../sources/agreement/index.js';
import type { StoredVerdict } from '../../store/store.js';
import { withStore } from '../config.js';
import { printJson, type Output } from '../output.js';
import { stderrProgress } from '../progress-bar.js';

interface VerifyFlags {
  force?: boolean;
  limit?: string;
  json?: boolean;
  quiet?: boolean;
}

export function registerVerifyCommand(program: Command, out: Output): void {
  program
    .command('verify')
    .description('laat een taalmodel de kandidaat-bronnen van elk engagement nakijken (optioneel, BELOFTEMETER_LLM_*)')
    .argument('[section]', 'sectie-id (met onderliggende secties); standaard het hele regeerakkoord')
    .option('--force', 'ook engagementen die dit model al nakeek')
    .option('--limit <n>', 'hoogstens zoveel engagementen nakijken')
    .option('--json', 'samenvatting als JSON')
    .option('--quiet', 'geen voortgang op stderr')
    .action(async (sectionId: string | undefined, flags: VerifyFlags) => {
      const config = llmConfigFromEnv();
      if (!config) throw new InputError(`verify needs a language model: ${missingLlmConfigMessage()}`);
      const limit = flags.limit === undefined ? Infinity : Number(flags.limit);
      if (flags.limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new InputError(`--limit expects a positive whole number, got "${flags.limit}"`);
      await withStore(
        program,
        async (store) => {
          const { agreement, sections } = await agreementSections(store, program.opts().agreement);
          const [assessments, { dossierOf }, stored, parliament] = await Promise.all([
            loadAssessments(store, agreement),
            loadDossiers(store),
            store.verdicts(),
            store.parliamentDocuments(),
          ]);
          const lookup = { store, parliament: new Map(parliament.map((p) => [p.id, p])), dossierOf };
          const covered = sectionId ? sectionWithDescendants(sections, sectionId) : sections;
          const known = indexVerdicts(stored);
          const alreadyVerified = (c: Commitment) => {
            const perSource = known.get(commitmentHash(c.text));
            return perSource !== undefined && verificationCandidates(c).every((key) => perSource.get(key)?.model === config.model);
          };
          const todo: { commitment: Commitment; topic: string }[] = [];
          let skipped = 0;
          for (const section of covered) {
            for (const commitment of assessments.get(section.id) ?? []) {
              if (verificationCandidates(commitment).length === 0) continue;
              if (!flags.force && alreadyVerified(commitment)) skipped++;
              else if (todo.length < limit) todo.push({ commitment, topic: `${section.number} ${section.title}` });
            }
          }

          const client = createLlmClient(config);
          const progress = flags.quiet ? silentProgress : stderrProgress(out);
          progress.start('nakijken', todo.length);
          let requests = 0;
          let failed = 0;
          let done = 0;
          // Stored per batch, so an interrupted run keeps what it verified.
          const BATCH = 20;
          for (let start = 0; start < todo.length; start += BATCH) {
            const batch = todo.slice(start, start + BATCH);
            // The batch's candidate sources in one read.
            const sources = await sourcesByKey(lookup, batch.flatMap(({ commitment }) => verificationCandidates(commitment)));
            const settled = await Promise.allSettled(
              batch.map(async ({ commitment, topic }) => {
                const candidates = verificationCandidates(commitment).flatMap((key) => sources.get(key) ?? []);
                const outcome = await verifyCommitment(client, commitment, topic, candidates);
                progress.update(++done);
                return outcome;
              }),
            );
            const outcomes = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
            const verdicts: StoredVerdict[] = outcomes.flatMap((o) => o.verdicts);
            requests += outcomes.reduce((sum, o) => sum + o.requests, 0);
            failed += outcomes.filter((o) => o.failed).length;
            // What was answered is kept even when another request of the batch failed for good.
            if (verdicts.length) await store.putVerdicts(verdicts);
            const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
            if (rejected) throw rejected.reason;
          }
          progress.finish(`${todo.length - failed} nagekeken${failed ? `, ${failed} zonder bruikbaar antwoord` : ''}`);

          // The machine's statuses now: the stored assessments with every verdict, as a context load would apply them.
          const after = await applyVerdicts(assessments, indexVerdicts(await store.verdicts()), (keys) => sourcesByKey(lookup, keys), lookup.parliament);
          const commitments = covered.flatMap((s) => after.get(s.id) ?? []);
          const summary = {
            model: config.model,
            verified: todo.length - failed,
            failed,
            alreadyVerified: skipped,
            requests,
            statuses: countStatuses(commitments),
            verifiedCommitments: commitments.filter((c) => c.verifiedBy).length,
          };
          if (flags.json) return printJson(out, summary);
          out.stdout(
            `${summary.verified} engagementen nagekeken door ${config.model} in ${requests} verzoeken` +
              `${skipped ? ` (${skipped} waren al nagekeken)` : ''}${failed ? `; ${failed} zonder bruikbaar antwoord` : ''}.\n` +
              `Nu: ${summary.statuses.gerealiseerd} gerealiseerd, ${summary.statuses['in-uitvoering']} in uitvoering, ${summary.statuses.aangekondigd} aangekondigd, ` +
              `${summary.statuses['geen-spoor']} zonder spoor (${summary.verifiedCommitments} met nagekeken bronnen).\n`,
          );
        },
        { out },
      );
    });
}
