// Plain-text views of documents for the terminal (Dutch, like all user-facing text).
import type { DossierTimeline } from '../dossiers/timeline.js';
import type { AgreementSection, Decision, ParliamentDocument } from '../model/documents.js';

const pages = (s: AgreementSection) => (s.pageStart === s.pageEnd ? `p. ${s.pageStart}` : `p. ${s.pageStart}-${s.pageEnd}`);

export function formatSection(section: AgreementSection, children: AgreementSection[]): string {
  const lines = [
    `${section.number} ${section.title}`,
    `${section.part} › ${section.chapter} · ${pages(section)} · ${section.id}`,
    '',
    section.text || '(geen eigen tekst: zie de onderliggende secties)',
  ];
  if (children.length) {
    lines.push('', 'Onderliggende secties:', ...children.map((c) => `  ${c.number} ${c.title}  [${c.id}]`));
  }
  return `${lines.join('\n')}\n`;
}

export function formatDecision(d: Decision, timeline: DossierTimeline | null = null): string {
  const lines = [
    d.title,
    ...(d.shortTitle ? [`(${d.shortTitle})`] : []),
    `${d.meetingDate} · ${d.itemType ?? 'beslissing'} · ${d.uri}`,
  ];
  if (d.mandatees.length) lines.push(`Voorgesteld door: ${d.mandatees.map((m) => m.name).join(', ')}`);
  lines.push('', d.bodyText || '(geen tekst)');
  if (timeline) lines.push('', ...formatTimeline(timeline));
  return `${lines.join('\n')}\n`;
}

/** The dossier's steps, one line each, the shown decision marked with an arrow. */
export function formatTimeline(timeline: DossierTimeline): string[] {
  if (timeline.steps.length === 1) return [`Dossier: geen andere stappen gevonden (stadium: ${timeline.furthestStageLabel}).`];
  const width = Math.max(...timeline.steps.map((s) => s.stageLabel.length));
  return [
    `Dossier: ${timeline.title}`,
    `${timeline.steps.length} stappen, ${timeline.firstDate} tot ${timeline.lastDate}; verste stadium: ${timeline.furthestStageLabel}`,
    ...timeline.steps.map(
      (s) => `${s.current ? '→' : ' '} ${s.date}  ${s.stageLabel.padEnd(width)}  ${s.title}  [${s.decisionId}]`,
    ),
  ];
}

export function formatParliament(p: ParliamentDocument): string {
  const meta = [
    p.kind === 'schriftelijke-vraag' ? `schriftelijke vraag${p.number ? ` nr. ${p.number}` : ''}` : p.kind,
    p.date,
    p.asker ? `van ${p.asker}` : null,
    p.addressee ? `aan ${p.addressee}` : null,
  ].filter(Boolean);
  const lines = [p.title, meta.join(' · '), `bron: ${p.uri ?? p.sourceFile}`, ''];
  if (p.question && p.answer) lines.push('VRAAG', p.question, '', 'ANTWOORD', p.answer);
  else lines.push(p.text);
  return `${lines.join('\n')}\n`;
}
