// Public API of dossiers: the stage of a decision, and decisions grouped into
// the dossiers whose stages they are.
export type { DecisionStage, Dossier, DossierStep } from './types.js';
export { classifyStage, explainStage, stageLabel, stageRank, type StageExplanation, type StageInput } from './stage.js';
export { groupDossiers, dossierIndex, type TitleSimilarity } from './group.js';
export { displayTitle, titleTerms } from './titles.js';
