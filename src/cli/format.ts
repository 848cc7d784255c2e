// Plain-text views of documents for the terminal (Dutch, like all user-facing text).
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

export function formatDecision(d: Decision): string {
  const lines = [
    d.title,
    ...(d.shortTitle ? [`(${d.shortTitle})`] : []),
    `${d.meetingDate} · ${d.itemType ?? 'beslissing'} · ${d.uri}`,
  ];
  if (d.mandatees.length) lines.push(`Voorgesteld door: ${d.mandatees.map((m) => m.name).join(', ')}`);
  lines.push('', d.bodyText || '(geen tekst)');
  return `${lines.join('\n')}\n`;
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
