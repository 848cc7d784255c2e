import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AgreementSection, Decision, IngestIssue, ParliamentDocument } from '../model/documents.js';
import { parseAgreement } from '../sources/agreement/index.js';
import { readDecisions } from '../sources/decisions/index.js';
import { readParliamentFolder } from '../sources/parliament/index.js';
import type { IngestBatch, IngestRun, Store } from '../store/store.js';
import { discoverDataFiles } from './discover.js';
import { silentProgress, type Progress } from './progress.js';

export interface IngestOptions {
  dataDir: string;
  store: Store;
  progress?: Progress;
  derive?: IngestBatch['derive'];
}

/**
 * Reads every source of a data folder, then writes it all in one transaction.
 * Everything is parsed before the store is touched, so bad input (a non-PDF
 * agreement, a truncated archive) leaves the previous index as it was.
 */
export async function ingestDataFolder(options: IngestOptions): Promise<IngestRun> {
  const progress = options.progress ?? silentProgress;
  const files = discoverDataFiles(options.dataDir);
  const issues: IngestIssue[] = [];
  const report = (issue: IngestIssue) => {
    issues.push(issue);
    progress.warn(`${issue.source}${issue.line ? `:${issue.line}` : ''}: ${issue.message}`);
  };

  const agreements: { agreement: string; sections: AgreementSection[] }[] = [];
  for (const { agreement, path } of files.agreements) {
    progress.start(`regeerakkoord ${basename(path)}`);
    const sections = await parseAgreement(await readFile(path), { agreement, what: path });
    agreements.push({ agreement, sections });
    progress.finish(`${sections.length} secties`);
  }

  // By id: a record repeated later (in the same file or the next) replaces the earlier one, and says so.
  const byId = new Map<string, { decision: Decision; where: string }>();
  for (const path of files.decisions) {
    progress.start(`beslissingen ${basename(path)}`);
    for await (const read of readDecisions(path)) {
      if (read.kind === 'issue') report(read.issue);
      else {
        const earlier = byId.get(read.decision.id);
        if (earlier) {
          report({ source: path, line: read.line, message: `decision ${read.decision.id} appears again (first at ${earlier.where}); the later record is kept` });
          byId.delete(read.decision.id);
        }
        byId.set(read.decision.id, { decision: read.decision, where: `${basename(path)} line ${read.line}` });
        if (byId.size % 250 === 0) progress.update(byId.size);
      }
    }
    progress.finish(`${byId.size} beslissingen`);
  }
  const decisions: Decision[] = [...byId.values()].map((entry) => entry.decision);

  let parliament: ParliamentDocument[] = [];
  if (files.parliamentDir) {
    progress.start('parlementaire documenten');
    const read = await readParliamentFolder(files.parliamentDir);
    parliament = read.documents;
    read.issues.forEach(report);
    progress.finish(`${parliament.length} documenten`);
  }

  progress.start('index opslaan');
  const run = await options.store.ingest({ agreements, decisions, parliament, issues, derive: options.derive });
  progress.finish(`${run.counts.sections} secties, ${run.counts.decisions} beslissingen, ${run.counts.parliament} parlementaire documenten`);
  return run;
}
