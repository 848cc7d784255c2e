// Every promise of the agreement in one list: filter by status, chapter,
// confidence, minister and whether the editors reviewed it, search the text; the counts follow the filters,
// and the filtered list exports as CSV or JSON. The filters live in the URL,
// so a filtered list can be linked and Back returns to it.
import { getJson } from './api.js';
import { append, h, loadMore, promisePath, sectionPath, selectField, statusBadge, statusBar, statusCounts } from './dom.js';

const select = (name, label, options, value) => selectField(`f-${name}`, name, label, options, value);

const PAGE = 50;
const FILTERS = ['status', 'chapter', 'confidence', 'reviewed', 'minister', 'q'];

function row(p) {
  return h(
    'tr',
    {},
    h('td', { 'data-label': 'Belofte' }, h('a', { href: promisePath(p.path) }, p.text)),
    h('td', { 'data-label': 'Sectie' }, h('a', { href: sectionPath(p.sectionId) }, `${p.sectionNumber} ${p.sectionTitle}`), h('span', { class: 'meta' }, ` · ${p.chapter}`)),
    h(
      'td',
      { 'data-label': 'Status' },
      statusBadge(p.status, p.statusLabel),
      p.reviewedAt ? h('span', { class: 'reviewed-mark' }, 'beoordeeld door de redactie') : p.confidence === 'laag' ? h('span', { class: 'check' }, p.confidenceLabel) : null,
    ),
  );
}

export async function renderPromises(main, { params, navigate, signal }) {
  const wanted = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? '']));
  const [overview, first] = await Promise.all([getJson('/api/overview'), getJson('/api/promises', { ...wanted, limit: PAGE })]);
  if (signal.aborted) return;
  const chapters = overview.chapters.map((c) => [c.id, `${c.number}. ${c.title}`]);
  const query = new URLSearchParams(Object.entries(wanted).filter(([, v]) => v));

  const form = h(
    'form',
    { role: 'search', 'aria-label': 'Beloften filteren', class: 'filters' },
    h('div', { class: 'field' }, h('label', { for: 'f-q' }, 'Woorden in de belofte'), h('input', { id: 'f-q', name: 'q', type: 'search', value: wanted.q, maxlength: 500 })),
    select('status', 'Status', overview.statuses.map((s) => [s.status, s.label]), wanted.status),
    select('chapter', 'Hoofdstuk', chapters, wanted.chapter),
    select('confidence', 'Zekerheid', [['hoog', 'sterk bewijs'], ['laag', 'te controleren']], wanted.confidence),
    select('reviewed', 'Beoordeeld', [['ja', 'door de redactie'], ['nee', 'nog niet']], wanted.reviewed),
    h('div', { class: 'field' }, h('label', { for: 'f-minister' }, 'Minister (deel van de naam)'), h('input', { id: 'f-minister', name: 'minister', value: wanted.minister, maxlength: 200 })),
    h('button', { type: 'submit' }, 'Toon beloften'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams([...new FormData(form)].filter(([, v]) => v));
    navigate(`/beloften${next.size ? `?${next}` : ''}`);
  });

  const counts = statusCounts(first.counts, overview.statuses, {
    ariaLabel: 'Aantal per status binnen de filters',
    href: (status) => {
      const next = new URLSearchParams(query);
      next.set('status', status);
      return `/beloften?${next}`;
    },
  });
  const body = h('tbody', {}, first.items.map(row));
  const { status: shown, button: more } = loadMore({
    label: 'Meer tonen',
    list: body,
    initial: first.items.length,
    loadPage: async (offset) => (await getJson('/api/promises', { ...wanted, offset, limit: PAGE })).items.map(row),
    describe: (n) => `${first.total} beloften gevonden (${first.toCheck} te controleren, ${first.reviewed} beoordeeld door de redactie); ${n} getoond.`,
    hasMore: (n) => n < first.total,
    failure: 'Meer beloften laden lukte niet',
    signal,
  });

  append(main, [
    h('h1', { tabindex: '-1' }, 'Alle beloften'),
    h('p', { class: 'lead' }, `Elke concrete belofte uit het ${overview.title.charAt(0).toLowerCase()}${overview.title.slice(1)}, met haar status. Kies een status, hoofdstuk of minister, of zoek op woorden.`),
    form,
    counts,
    statusBar(first.counts, overview.statuses),
    shown,
    h('p', {}, 'Download deze lijst als ', h('a', { href: `/api/promises?${new URLSearchParams([...query, ['format', 'csv']])}` }, 'CSV'), ' of ', h('a', { href: `/api/promises?${new URLSearchParams([...query, ['limit', '5000']])}` }, 'JSON'), '.'),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'commitments promises' },
        h('caption', {}, 'Beloften met hun status'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Belofte'), h('th', { scope: 'col' }, 'Sectie'), h('th', { scope: 'col' }, 'Status'))),
        body,
      ),
    ),
    more,
  ]);
}
