// Public API of the assessment rules: commitments, problem signals, status.
export {
  extractCommitments,
  classifySentence,
  type CommitmentSpan,
  type ExtractedCommitments,
  type SentenceCue,
  type SentenceClassification,
} from './commitments.js';
export { findProblemSignals, signalsProblem } from './signals.js';
export {
  assessCommitment,
  strongEvidenceKeys,
  reasonLine,
  statusLabels,
  statusDescriptions,
  STRONG_TOP,
  STRONG_RATIO,
  REALISED_STAGES,
  UNDER_WAY_STAGES,
  NO_EVIDENCE_REASON,
  type AssessInput,
  type Assessment,
} from './status.js';
