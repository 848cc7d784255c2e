// A dossier is one policy file as it moves through the Flemish decision
// stages: principled approval of a draft decree, second principled approval
// after advice, final approval, ratification, implementing orders.

/** The stage a decision represents, from its title and body. */
export type DecisionStage =
  | 'principiele-goedkeuring' // first principled approval of a voorontwerp (decree or order)
  | 'tweede-principiele-goedkeuring' // second principled approval, after advice (Raad van State, SERV, ...)
  | 'definitieve-goedkeuring' // final approval: ontwerpdecreet to parliament, or an order adopted definitively
  | 'bekrachtiging' // ratification and promulgation of a decree passed by parliament
  | 'uitvoering' // implementing order, allocation, call for projects, subsidy granted, agreement signed
  | 'visie' // vision note, action plan, concept note, strategy (intention, not yet a measure)
  | 'mededeling' // information to the government, progress report
  | 'overig';

export interface DossierStep {
  decisionId: string;
  /** `YYYY-MM-DD`. */
  date: string;
  stage: DecisionStage;
  /** Dutch label for display, e.g. "principiële goedkeuring". */
  stageLabel: string;
}

export interface Dossier {
  /** Stable id: the id of the dossier's earliest decision. */
  id: string;
  /** A readable title (the shared part of the decisions' titles). */
  title: string;
  /** Chronological. */
  steps: DossierStep[];
  firstDate: string;
  lastDate: string;
  /** The furthest stage reached (by stage order, not by date). */
  furthestStage: DecisionStage;
}
