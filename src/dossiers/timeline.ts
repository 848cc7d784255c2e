// A decision's dossier as a person reads it: every step with its date, stage
// and title, the decision being looked at marked.
import type { Decision, ParliamentDocument } from '../model/documents.js';
import type { Store } from '../store/store.js';
import { stageLabel } from './stage.js';
import type { DecisionStage, Dossier } from './types.js';

export interface TimelineStep {
  decisionId: string;
  date: string;
  stage: DecisionStage;
  stageLabel: string;
  title: string;
  uri: string | null;
  /** The decision the timeline was asked for. */
  current: boolean;
}

export interface DossierTimeline {
  id: string;
  title: string;
  firstDate: string;
  lastDate: string;
  furthestStage: DecisionStage;
  furthestStageLabel: string;
  steps: TimelineStep[];
}

export function dossierTimeline(dossier: Dossier, decisions: ReadonlyMap<string, Decision>, currentId: string): DossierTimeline {
  return {
    id: dossier.id,
    title: dossier.title,
    firstDate: dossier.firstDate,
    lastDate: dossier.lastDate,
    furthestStage: dossier.furthestStage,
    furthestStageLabel: stageLabel(dossier.furthestStage),
    steps: dossier.steps.map((step) => {
      const decision = decisions.get(step.decisionId);
      return {
        decisionId: step.decisionId,
        date: step.date,
        stage: step.stage,
        stageLabel: step.stageLabel,
        title: decision?.title ?? '(beslissing niet meer in de index)',
        uri: decision?.uri ?? null,
        current: step.decisionId === currentId,
      };
    }),
  };
}

/** The timeline of the dossier `decisionId` belongs to, with its steps' titles read from the store. */
export async function loadDossierTimeline(store: Store, dossierOf: ReadonlyMap<string, Dossier>, decisionId: string): Promise<DossierTimeline | null> {
  const dossier = dossierOf.get(decisionId);
  if (!dossier) return null;
  const decisions = await store.decisions(dossier.steps.map((s) => s.decisionId));
  return dossierTimeline(dossier, new Map(decisions.map((d) => [d.id, d])), decisionId);
}

export type FoundDocument = ({ type: 'decision'; dossier: DossierTimeline | null } & Decision) | ({ type: 'parliament' } & ParliamentDocument);

/** A decision with its dossier timeline, or a parliament document; null for an unknown id. */
export async function findDocument(store: Store, dossierOf: ReadonlyMap<string, Dossier>, id: string): Promise<FoundDocument | null> {
  const decision = await store.decision(id);
  if (decision) return { type: 'decision', ...decision, dossier: await loadDossierTimeline(store, dossierOf, decision.id) };
  const doc = await store.parliamentDocument(id);
  return doc ? { type: 'parliament', ...doc } : null;
}
