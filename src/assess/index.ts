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
  reasonLine,
  statusLabels,
  statusDescriptions,
  TRACE_PROBABILITY,
  REALISED_PROBABILITY,
  CANDIDATE_PROBABILITY,
  confidenceLabels,
  isNegativePromise,
  REALISED_STAGES,
  UNDER_WAY_STAGES,
  NO_EVIDENCE_REASON,
  type AssessInput,
  type Assessment,
} from './status.js';
