// Search page: query, type filter, date range and grouping per dossier;
// results link to the document's page and to the source.
import { getJson } from './api.js';
import { documentLink, formatDate, h, loadMore, sourceLink } from './dom.js';

const PAGE = 20;
/** The API pages through the first thousand results at most. */
const MAX_OFFSET = 900;

function dossierLine(dossier) {
  const others = dossier.matched.slice(1).map((m) => `${formatDate(m.date)} (${m.stageLabel})`);
  return h(
    'p',
    { class: 'dossier-line' },
    `Dossier van ${dossier.stepCount} stappen, verste stadium: ${dossier.furthestStageLabel}.`,
    others.length ? ` Ook gevonden: ${others.join(', ')}.` : '',
  );
}

function field(label, control, hint) {
  if (hint) control.setAttribute('aria-describedby', `${control.id}-hint`);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null);
}

export async function renderSearch(main, { params, navigate, signal }) {
  const q = h('input', { id: 'zoek-q', name: 'q', type: 'search', required: true, maxlength: '1000', value: params.get('q') ?? '', autocomplete: 'off' });
  const type = h(
    'select',
    { id: 'zoek-type', name: 'type' },
    h('option', { value: '' }, 'alles'),
    h('option', { value: 'decision' }, 'beslissingen van de Vlaamse Regering'),
    h('option', { value: 'parliament' }, 'documenten van het Vlaams Parlement'),
  );
  type.value = params.get('type') ?? '';
  const minister = h('input', { id: 'zoek-minister', name: 'minister', type: 'text', maxlength: '200', value: params.get('minister') ?? '', autocomplete: 'off' });
  const from = h('input', { id: 'zoek-van', name: 'from', type: 'date', value: params.get('from') ?? '', min: '2019-01-01', max: '2024-12-31' });
  const to = h('input', { id: 'zoek-tot', name: 'to', type: 'date', value: params.get('to') ?? '', min: '2019-01-01', max: '2024-12-31' });
  // Grouping is on unless the address says otherwise: the stages of one dossier otherwise crowd the list.
  const perDossier = h('input', { id: 'zoek-dossier', name: 'perDossier', type: 'checkbox', checked: params.get('perDossier') !== 'false' });
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const form = h(
    'form',
    { role: 'search', class: 'search-form' },
    field('Zoekterm', q),
    field('Soort document', type),
    field('Minister', minister, 'Een deel van de naam, bijvoorbeeld “Somers”: alleen beslissingen die deze minister voorstelde.'),
    h('div', { class: 'date-range' }, field('Vanaf', from), field('Tot en met', to)),
    h('div', { class: 'field checkbox' }, perDossier, h('label', { for: perDossier.id }, 'Stappen van één dossier samen tonen')),
    h('button', { type: 'submit' }, 'Zoeken'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams(
      Object.entries({ q: q.value.trim(), type: type.value, minister: minister.value.trim(), from: from.value, to: to.value, perDossier: perDossier.checked ? '' : 'false' }).filter(([, v]) => v),
    );
    navigate(`/zoeken?${next}`);
  });
  main.append(h('h1', { tabindex: '-1' }, 'Zoeken in beslissingen en parlementaire documenten'), form, results);

  const query = params.get('q');
  if (!query) return;
  results.append(h('p', { role: 'status' }, 'Bezig met zoeken…'));
  const request = {
    q: query,
    type: params.get('type'),
    minister: params.get('minister'),
    from: params.get('from'),
    to: params.get('to'),
    k: PAGE,
    perDossier: perDossier.checked,
  };
  const hitView = (hit) =>
    h(
      'li',
      { class: 'hit' },
      h('h3', {}, h('a', { href: documentLink(hit.id) }, hit.title)),
      h(
        'p',
        { class: 'meta' },
        `${formatDate(hit.date)} · ${hit.type === 'decision' ? 'beslissing' : 'parlement'}${hit.mandatees.length ? ` · ${hit.mandatees.join(', ')}` : ''}`,
        hit.uri ? [' · ', sourceLink(hit.uri, 'bron')] : null,
      ),
      hit.dossier ? dossierLine(hit.dossier) : null,
      hit.snippet ? h('p', {}, hit.snippet) : null,
    );
  try {
    const answer = await getJson('/api/search', request);
    if (signal.aborted) return;
    const list = h('ol', { class: 'hits' }, answer.hits.map(hitView));
    const { status: shown, button: more } = loadMore({
      label: 'Meer resultaten',
      list,
      initial: answer.hits.length,
      loadPage: async (offset) => (await getJson('/api/search', { ...request, offset })).hits.map(hitView),
      describe: (n) => `${n} getoond, best passend eerst.`,
      // A short page is the end of the ranking; the API pages through the first thousand.
      hasMore: (n, lastPage) => (lastPage ?? answer.hits.length) === PAGE && n < MAX_OFFSET,
      failure: 'Meer resultaten laden lukte niet',
      signal,
    });
    results.replaceChildren(
      h(
        'h2',
        {},
        answer.total
          ? `${answer.total} ${answer.total === 1 ? 'document bevat' : 'documenten bevatten'} een zoekterm van “${query}”`
          : answer.hits.length
            ? `Resultaten voor “${query}”`
            : `Geen resultaten voor “${query}”`,
      ),
      list,
      shown,
      more,
    );
  } catch (error) {
    results.replaceChildren(h('p', { role: 'alert', class: 'error' }, `Zoeken mislukt: ${error.message}`));
  }
}
