// What of the report is shown, decided once for every format, so Markdown and
// HTML list the same signals and timelines.
import type { Dossier } from '../../dossiers/types.js';
import type { Commitment } from '../model.js';
import { collapseWhitespace } from '../../text/index.js';

/** Dossiers with a timeline worth showing: two or more steps. */
export function dossiersWithTimeline(dossiers: readonly Dossier[]): Dossier[] {
  return dossiers.filter((dossier) => dossier.steps.length >= 2);
}

export interface ShownSignal {
  sourceKey: string;
  /** Whitespace collapsed. */
  quote: string;
}

/** Distinct parliamentary signals in commitment order: the same quote found for two commitments is shown once. */
export function distinctProblemSignals(commitments: readonly Commitment[]): ShownSignal[] {
  const seen = new Set<string>();
  const signals: ShownSignal[] = [];
  for (const problem of commitments.flatMap((commitment) => commitment.problems)) {
    const quote = collapseWhitespace(problem.quote);
    const id = `${problem.sourceKey}\u0000${quote}`;
    if (seen.has(id)) continue;
    seen.add(id);
    signals.push({ sourceKey: problem.sourceKey, quote });
  }
  return signals;
}

/** Candidate sources shown with a low-confidence status: what a reader should check first (the decisive one excluded). */
export const CHECK_CANDIDATES = 3;

export function checkCandidates(commitment: Commitment): string[] {
  if (commitment.confidence !== 'laag') return [];
  return [...commitment.evidence]
    .sort((a, b) => b.score - a.score)
    .map((e) => e.sourceKey)
    .filter((key) => key !== commitment.decisiveSourceKey)
    .slice(0, CHECK_CANDIDATES);
}
