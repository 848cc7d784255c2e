// Dutch labels shared by every renderer, so Markdown, HTML, JSON and the index
// page never disagree on what a status or a generator is called.
import { confidenceLabels, statusLabels } from '../../assess/status.js';
import { reviewedLabel } from '../../editor/reviews.js';
import type { Commitment, CommitmentStatus, Confidence, SectionReport } from '../model.js';

/** Display order: from done to nothing found. */
export const COMMITMENT_STATUSES: readonly CommitmentStatus[] = ['gerealiseerd', 'in-uitvoering', 'aangekondigd', 'geen-spoor'];

export function statusLabel(status: CommitmentStatus): string {
  // A status outside the taxonomy (a report read from JSON) shows as itself rather than as "undefined".
  return statusLabels[status] ?? String(status);
}

/** "sterk bewijs" or "te controleren". */
export function confidenceLabel(confidence: Confidence): string {
  return confidenceLabels[confidence] ?? String(confidence);
}

/** A commitment's confidence as shown: an editor's review replaces it ("beoordeeld door de redactie op 2 december 2026"). */
export function commitmentConfidenceLabel(commitment: Pick<Commitment, 'confidence' | 'review'>): string {
  return commitment.review ? reviewedLabel(commitment.review.reviewedAt) : confidenceLabel(commitment.confidence);
}

/** "Opgesteld met: …", saying honestly which generator wrote the prose. */
export function generatorLine(generator: SectionReport['generator']): string {
  if (generator.fellBackToExtractive) {
    const model = generator.model ? `; taalmodel ${generator.model} niet gebruikt` : '';
    return `Opgesteld met: extractieve generator (offline) (terugval op de extractieve generator${model})`;
  }
  if (generator.name === 'llm') return `Opgesteld met: taalmodel ${generator.model ?? '(onbekend model)'}`;
  return 'Opgesteld met: extractieve generator (offline)';
}

/** Shown under the report in every format: what the report is and how to read it. */
export const CLOSING_NOTE =
  'Opmerking: Dit rapport is automatisch samengesteld uit beslissingen van de Vlaamse Regering en parlementaire documenten. ' +
  'Elke bewering verwijst naar een bron; lees de bronnen zelf voor het volledige beeld.';

export const NO_DATE_LABEL = 'zonder datum';
