// One document: a decision with its dossier timeline (every stage linked), or
// a parliamentary document with its question and answer.
import { getJson, idPath } from './api.js';
import { append, documentLink, formatDate, h, promisePath, sourceLink, statusBadge } from './dom.js';

function paragraphs(text) {
  return text.split(/\n{2,}/).map((block) => block.trim()).filter(Boolean).map((block) => h('p', {}, block));
}

function timeline(dossier) {
  if (dossier.steps.length < 2) {
    return h('p', { class: 'meta' }, `Geen andere stappen van dit dossier gevonden (stadium: ${dossier.furthestStageLabel}).`);
  }
  return [
    h('p', { class: 'meta' }, `${dossier.steps.length} stappen, van ${formatDate(dossier.firstDate)} tot ${formatDate(dossier.lastDate)}; verste stadium: ${dossier.furthestStageLabel}.`),
    h(
      'ol',
      { class: 'timeline', 'aria-label': `Tijdlijn van het dossier ${dossier.title}` },
      dossier.steps.map((step) =>
        h(
          'li',
          { class: step.current ? 'current' : null, 'aria-current': step.current ? 'step' : null },
          h('span', { class: 'when' }, formatDate(step.date)),
          ' · ',
          h('strong', {}, step.stageLabel),
          ' · ',
          step.current ? h('span', {}, step.title, ' (deze beslissing)') : h('a', { href: documentLink(step.decisionId) }, step.title),
        ),
      ),
    ),
  ];
}

// The promises this document is evidence for: from a source back to what it bears on.
function citingPromises(promises) {
  if (!promises || promises.length === 0) return null;
  return h(
    'section',
    { 'aria-labelledby': 'beloften-kop' },
    h('h2', { id: 'beloften-kop' }, promises.length === 1 ? 'Bewijs voor 1 belofte' : `Bewijs voor ${promises.length} beloften`),
    h(
      'ul',
      { class: 'citing-promises' },
      promises.map((p) =>
        h('li', {}, statusBadge(p.status, p.statusLabel), ' ', h('a', { href: promisePath(p.path) }, p.text), h('span', { class: 'meta' }, ` · ${p.sectionNumber} ${p.sectionTitle}${p.decisive ? ' · doorslaggevend' : ''}`)),
      ),
    ),
  );
}

export async function renderDocument(main, { id, signal }) {
  const doc = await getJson(`/api/documents/${idPath(id)}`);
  if (signal.aborted) return;
  document.title = `${doc.title} · Beloftemeter`;
  if (doc.type === 'decision') {
    append(main, [
      h('h1', { tabindex: '-1' }, doc.title),
      doc.shortTitle ? h('p', { class: 'subtitle' }, doc.shortTitle) : null,
      h('p', { class: 'meta' }, `Beslissing van de Vlaamse Regering · ${formatDate(doc.meetingDate)}${doc.mandatees.length ? ` · ${doc.mandatees.map((m) => m.name).join(', ')}` : ''}`),
      h('p', {}, sourceLink(doc.uri, 'Bekijk op de website van de Vlaamse Regering')),
      doc.bodyText ? paragraphs(doc.bodyText) : h('p', { class: 'meta' }, 'Deze beslissing heeft geen tekst.'),
      citingPromises(doc.promises),
      doc.dossier ? h('section', { 'aria-labelledby': 'dossier-kop' }, h('h2', { id: 'dossier-kop' }, `Dossier: ${doc.dossier.title}`), timeline(doc.dossier)) : null,
    ]);
    return;
  }
  append(main, [
    h('h1', { tabindex: '-1' }, doc.title),
    h('p', { class: 'meta' }, ['Vlaams Parlement', doc.date ? formatDate(doc.date) : null, doc.asker ? `vraag van ${doc.asker}` : null, doc.addressee ? `aan ${doc.addressee}` : null].filter(Boolean).join(' · ')),
    doc.uri ? h('p', {}, sourceLink(doc.uri, 'Bekijk de bron')) : null,
    doc.question && doc.answer
      ? [h('h2', {}, 'Vraag'), paragraphs(doc.question), h('h2', {}, 'Antwoord'), paragraphs(doc.answer)]
      : paragraphs(doc.text),
    citingPromises(doc.promises),
  ]);
}
