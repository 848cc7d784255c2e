// Fitted by scripts/calibrate-status.mjs on ../shared/eval/status-dev.json (32 sections); regenerate, do not edit by hand.
import type { LogisticModel } from './logistic.js';

export const MATCH_MODEL: LogisticModel = {
  features: ["retrievalRank","supportShare","titleCover","sectionRank","sharedTerms","sentenceShare"],
  mean: [2.0914,0.2163,0.0962,3.5305,0.5303,0.1872],
  scale: [0.8139,0.1402,0.1047,1.5916,0.3277,0.1272],
  weights: [-0.3411,-0.0577,0.1808,-0.7153,0.187,0.455],
  bias: -3.6378,
};
