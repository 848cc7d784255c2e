// Start page: parts and chapters of the agreement, per chapter the number of
// commitments per status (computed by the server in the background).
import { getJson } from './api.js';
import { h, sectionPath, statusBadge } from './dom.js';

const POLL_MS = 1500;

/** `statuses`: the server's statuses in display order with their labels. */
function countsView(counts, statuses) {
  if (!counts) return h('p', { class: 'pending' }, 'Tellingen worden berekend…');
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return h(
    'ul',
    { class: 'counts', 'aria-label': `${total} engagementen per status` },
    statuses.map(({ status, label }) => h('li', {}, statusBadge(status, `${counts[status]} ${label}`))),
  );
}

function chapterView(chapter, sections, countsSlot) {
  const children = sections.filter((s) => s.parentId === chapter.id);
  return h(
    'li',
    { class: 'chapter' },
    h('h3', {}, h('a', { href: sectionPath(chapter.id) }, `${chapter.number}. ${chapter.title}`)),
    countsSlot,
    children.length
      ? h(
          'details',
          {},
          h('summary', {}, `Secties (${children.length})`),
          h('ul', { class: 'section-list' }, children.map((s) => h('li', {}, h('a', { href: sectionPath(s.id) }, `${s.number} ${s.title}`)))),
        )
      : null,
  );
}

export async function renderHome(main, { signal }) {
  const [sections, first] = await Promise.all([getJson('/api/sections'), getJson('/api/overview')]);
  const status = h('p', { class: 'progress', role: 'status' });
  const parts = h('div', {});
  main.append(
    h('h1', { tabindex: '-1' }, 'Regeerakkoord 2019-2024: wat werd er gedaan?'),
    h(
      'p',
      { class: 'lead' },
      'Per hoofdstuk het aantal engagementen dat gerealiseerd is, in uitvoering is, enkel aangekondigd werd of waarvan geen spoor te vinden is in de beslissingen van de Vlaamse Regering en het Vlaams Parlement.',
    ),
    status,
    parts,
  );

  // The chapter list is built once; polls only fill in the counts, so an
  // opened list of sections, the scroll position and the focus stay put.
  const slots = new Map();
  const byPart = new Map();
  for (const chapter of first.chapters) {
    if (!byPart.has(chapter.part)) byPart.set(chapter.part, []);
    byPart.get(chapter.part).push(chapter);
  }
  for (const [part, chapters] of byPart) {
    const items = chapters.map((chapter) => {
      const slot = h('div', { class: 'counts-slot' });
      slots.set(chapter.id, slot);
      return chapterView(chapter, sections, slot);
    });
    parts.append(h('section', { class: 'part' }, h('h2', {}, part), h('ul', { class: 'chapters' }, items)));
  }

  const draw = (overview) => {
    status.textContent = overview.ready
      ? `Overzicht van ${overview.total} rapporten.`
      : `Overzicht wordt berekend: ${overview.done} van ${overview.total} rapporten klaar.`;
    for (const chapter of overview.chapters) slots.get(chapter.id)?.replaceChildren(countsView(chapter.counts, overview.statuses));
  };

  draw(first);
  let overview = first;
  while (!overview.ready && !signal.aborted) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (signal.aborted) return;
    overview = await getJson('/api/overview');
    if (!signal.aborted) draw(overview);
  }
}
