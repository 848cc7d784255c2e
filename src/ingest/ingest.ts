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

  const decisions: Decision[] = [];
  for (const path of files.decisions) {
    progress.start(`beslissingen ${basename(path)}`);
    for await (const read of readDecisions(path)) {
      if (read.kind === 'issue') report(read.issue);
      else {
        decisions.push(read.decision);
        if (decisions.length % 250 === 0) progress.update(decisions.length);
      }
    }
    progress.finish(`${decisions.length} beslissingen`);
  }

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
