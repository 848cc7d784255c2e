// One promise (a commitment of the agreement): the sentence in its section,
// its status and confidence with the reason, every source with its stage and
// date (the app's own document page and the official link), dossier
// timelines, parliamentary signals and how far it got when. A status the editors reviewed says so,
// with their public note, the machine's proposal and the history of changes;
// a logged-in editor also gets the review form.
import { getJson, idPath } from './api.js';
import { append, citation, documentLink, formatDate, h, sectionPath, sourceLink, statusBadge, withCitationLinks } from './dom.js';
import { reviewSection } from './review.js';
import { getAsEditor, session } from './session.js';

const SRC = 'bron-';

const JUDGED = { aanvaard: 'aanvaard door de redactie', verworpen: 'verworpen door de redactie' };

function sourceItem(s) {
  return h(
    'li',
    { id: `${SRC}${s.n}`, tabindex: '-1', class: s.judgement === 'verworpen' ? 'rejected' : null },
    h('span', { class: 'ref-number' }, `[${s.n}] `),
    h('a', { href: documentLink(s.key) }, s.title),
    s.judgement ? [' ', h('span', { class: `judgement judgement-${s.judgement}` }, JUDGED[s.judgement] ?? s.judgement)] : null,
    s.newSinceReview ? [' ', h('span', { class: 'judgement judgement-new' }, 'nieuw sinds de beoordeling')] : null,
    h('span', { class: 'meta' }, ` · ${formatDate(s.date)} · ${s.type === 'decision' ? (s.stageLabel ?? 'beslissing') : 'Vlaams Parlement'}`),
    s.decisive ? h('strong', { class: 'meta' }, ' · doorslaggevend') : null,
    h('span', { class: 'meta' }, ` · overeenkomst ${Math.round(s.match * 100)}%`),
    s.ministers.length ? h('span', { class: 'meta' }, ` · ${s.ministers.join(', ')}`) : null,
    s.uri ? [' · ', sourceLink(s.uri, 'officiële bron')] : h('span', { class: 'meta' }, ' · geen officiële link bekend'),
    s.snippet ? h('p', { class: 'snippet' }, s.snippet) : null,
  );
}

const capitalized = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** The editors' verdict, in place of the machine's reason: their note (as text), what the machine proposed and why. */
function reviewBox(detail) {
  const { review } = detail;
  const cited = review.sources;
  return h(
    'section',
    { class: 'review-box', 'aria-labelledby': 'beoordeling-titel' },
    h('h2', { id: 'beoordeling-titel' }, capitalized(review.label)),
    review.publicNote ? h('p', { class: 'note review-note' }, review.publicNote) : h('p', { class: 'meta' }, 'De redactie gaf geen toelichting.'),
    cited.length ? h('p', {}, 'Steunt op ', cited.map((n, i) => [i ? ' ' : null, citation(n, SRC)])) : null,
    h('p', { class: 'meta' }, detail.confidenceReason),
    h(
      'p',
      { class: 'machine-proposal' },
      h('strong', {}, `Voorstel van de machine: ${review.machine.statusLabel} (${review.machine.confidenceLabel})`),
      review.machine.reason ? [h('br'), withCitationLinks(review.machine.reason, SRC)] : null,
    ),
  );
}

function historySection(history) {
  return h(
    'section',
    { class: 'status-history', 'aria-labelledby': 'geschiedenis-titel' },
    h('h2', { id: 'geschiedenis-titel' }, 'Geschiedenis van de status'),
    h(
      'ol',
      { class: 'timeline' },
      history.map((entry, i) =>
        h(
          'li',
          {},
          h('time', { datetime: entry.at }, formatDate(entry.at.slice(0, 10))),
          ' · ',
          entry.withdrawn
            ? ['beoordeling ingetrokken, terug naar het voorstel van de machine: ', statusBadge(entry.status, entry.statusLabel)]
            : entry.statusBefore === null
            ? [i === 0 ? 'eerste beoordeling: ' : 'opnieuw beoordeeld: ', statusBadge(entry.status, entry.statusLabel)]
            : entry.statusBefore === entry.status
              ? ['status bevestigd: ', statusBadge(entry.status, entry.statusLabel)]
              : ['van ', statusBadge(entry.statusBefore, entry.statusBeforeLabel), ' naar ', statusBadge(entry.status, entry.statusLabel)],
          entry.publicNote ? h('p', { class: 'note' }, entry.publicNote) : null,
        ),
      ),
    ),
  );
}

/** When the promise got where the machine says it is: the dated decisions that took it further. */
function progressSection(progress) {
  return h(
    'section',
    { class: 'progress-steps', 'aria-labelledby': 'verloop-titel' },
    h('h2', { id: 'verloop-titel' }, 'Verloop volgens de beslissingen'),
    h(
      'ol',
      { class: 'timeline' },
      progress.map((step) =>
        h(
          'li',
          {},
          h('time', { datetime: step.date }, formatDate(step.date)),
          ' · ',
          statusBadge(step.status, step.statusLabel),
          ' door ',
          h('a', { href: documentLink(step.decisionId) }, step.stageLabel),
          step.n ? [' ', citation(step.n, SRC)] : null,
        ),
      ),
    ),
  );
}

/** Editors' data for this promise; null for readers, or when the session ended on the server. */
async function editorialFor(id) {
  const { user } = await session();
  if (!user) return null;
  try {
    return await getAsEditor(`/api/reviews/${idPath(id)}`);
  } catch (error) {
    if (error.status !== 401) throw error;
    return null;
  }
}

/**
 * `notice`: a message after saving; `conflict`: {message, draft} after a 409.
 * Both are shown in the newly drawn page, which the server already brought up to date.
 */
export async function renderPromise(main, context) {
  const { id, signal, notice, conflict } = context;
  const [detail, editorial] = await Promise.all([getJson(`/api/promises/${idPath(id)}`), editorialFor(id)]);
  if (signal.aborted) return;
  const { promise: p, section } = detail;
  document.title = `Belofte ${section.number}/${p.n} · Beloftemeter`;

  // Draws the page again into a fragment and swaps it in: a failure leaves the current page as it was.
  // `host` is the page's element: on a redrawn page, `main` is the (emptied) fragment it was drawn into.
  const host = context.host ?? main;
  const redraw = async (options) => {
    const next = document.createDocumentFragment();
    try {
      await renderPromise(next, { ...context, ...options, host });
    } catch (error) {
      const alert = host.querySelector('#beoordeling-fout');
      alert?.replaceChildren(h('p', {}, `De pagina opnieuw laden lukte niet: ${error.message}`));
      alert?.focus();
      return;
    }
    if (signal.aborted) return;
    host.replaceChildren(next);
    host.querySelector(options.conflict ? '#beoordeling-fout' : '#melding')?.focus();
  };

  append(main, [
    h(
      'nav',
      { 'aria-label': 'Kruimelpad', class: 'breadcrumb' },
      h('a', { href: '/' }, 'Overzicht'),
      ' › ',
      h('a', { href: sectionPath(p.chapterId) }, p.chapter),
      ' › ',
      h('a', { href: sectionPath(section.id) }, `${section.number} ${section.title}`),
    ),
    h('h1', { tabindex: '-1' }, `Belofte ${p.n} uit ${section.number} ${section.title}`),
    h('blockquote', { class: 'promise-text' }, p.text),
    h(
      'p',
      { class: 'verdict' },
      statusBadge(p.status, p.statusLabel),
      detail.review
        ? h('span', { class: 'reviewed-mark' }, 'beoordeeld door de redactie')
        : p.confidence === 'laag'
          ? h('span', { class: 'check' }, p.confidenceLabel)
          : h('span', { class: 'meta' }, ` ${p.confidenceLabel}`),
      p.verifiedBy ? h('span', { class: 'meta' }, ` · nagekeken door taalmodel ${p.verifiedBy}`) : null,
      editorial ? h('a', { href: '#beoordelen', class: 'meta' }, 'Naar het beoordelingsformulier') : null,
    ),
    notice ? h('p', { class: 'notice', id: 'melding', role: 'status', tabindex: '-1' }, notice) : null,
    detail.review ? reviewBox(detail) : [h('p', {}, withCitationLinks(detail.reason, SRC)), h('p', { class: 'meta' }, detail.confidenceReason)],
    detail.progress.length ? progressSection(detail.progress) : null,
    detail.history.length ? historySection(detail.history) : null,
    detail.problems.length
      ? h('section', {}, h('h2', {}, 'Signalen uit het parlement'), h('ul', { class: 'signals' }, detail.problems.map((s) => h('li', {}, `“${s.quote}” `, s.n ? citation(s.n, SRC) : null))))
      : null,
    h(
      'section',
      {},
      h('h2', {}, 'Bronnen'),
      detail.sources.length
        ? h('ol', { class: 'references' }, detail.sources.map(sourceItem))
        : h('p', {}, 'Geen beslissing of parlementair document gevonden dat op deze belofte ingaat. Dat bewijst niet dat er niets gebeurde.'),
    ),
    detail.dossiers.length
      ? h(
          'section',
          {},
          h('h2', {}, 'Dossiers'),
          detail.dossiers.map((d) =>
            h(
              'section',
              { class: 'dossier' },
              h('h3', {}, d.title),
              h('ol', { class: 'timeline' }, d.steps.map((s) => h('li', {}, h('time', { datetime: s.date }, formatDate(s.date)), ' · ', h('a', { href: documentLink(s.decisionId) }, s.stageLabel), s.n ? [' ', citation(s.n, SRC)] : null))),
            ),
          ),
        )
      : null,
    editorial
      ? reviewSection({
          id,
          detail,
          editorial,
          conflict,
          onSaved: (message) => redraw({ notice: message, conflict: null }),
          onConflict: (message, draft) => redraw({ notice: null, conflict: { message, draft } }),
        })
      : null,
    h('details', { class: 'agreement' }, h('summary', {}, `De volledige tekst van ${section.number} ${section.title}`), section.text.split(/\n{2,}/).map((block) => h('p', {}, block))),
    h('p', { class: 'meta' }, 'Ook als ', h('a', { href: `/api/promises/${idPath(id)}` }, 'JSON'), '. ', h('a', { href: '/methode' }, 'Hoe komt deze status tot stand?')),
  ]);
}
