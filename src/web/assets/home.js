// Start page: parts and chapters of the agreement, per chapter the number of
// commitments per status and how many of those statuses are to be checked
// (counted by the server from the stored assessments).
import { getJson } from './api.js';
import { h, sectionPath, statusBar, statusCounts } from './dom.js';

/** `statuses`: the server's statuses in display order with their labels. */
function countsView(counts, statuses, toCheck) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return [
    statusCounts(counts, statuses, { ariaLabel: `${total} engagementen per status` }),
    statusBar(counts, statuses),
    total ? h('p', { class: 'hint' }, `${toCheck} van de ${total} statussen zijn te controleren.`) : null,
  ];
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

/** The whole agreement at a glance: totals, a bar in proportion, and what each status requires. */
function scoreboard(overview) {
  const totals = Object.fromEntries(overview.statuses.map(({ status }) => [status, overview.chapters.reduce((sum, c) => sum + c.counts[status], 0)]));
  const all = Object.values(totals).reduce((a, b) => a + b, 0);
  const toCheck = overview.chapters.reduce((sum, c) => sum + c.toCheck, 0);
  const reviewed = overview.chapters.reduce((sum, c) => sum + c.reviewed, 0);
  const percent = (n) => `${all ? Math.round((100 * n) / all) : 0}%`;
  return h(
    'section',
    { class: 'scoreboard', 'aria-labelledby': 'scorebord' },
    h('h2', { id: 'scorebord' }, `${all} beloften`),
    statusCounts(totals, overview.statuses, { percentOf: all, href: (status) => `/beloften?status=${status}` }),
    statusBar(totals, overview.statuses),
    h('p', { class: 'hint' }, `${toCheck} statussen (${percent(toCheck)}) zijn te controleren. `, h('a', { href: '/methode' }, 'Wat elke status vraagt en hoe vaak ze klopt'), '.'),
    h('p', { class: 'hint' }, reviewed ? h('a', { href: '/beloften?reviewed=ja' }, `${reviewed} ${reviewed === 1 ? 'status is' : 'statussen zijn'} beoordeeld door de redactie`) : 'Nog geen status beoordeeld door de redactie', '.'),
  );
}

export async function renderHome(main, { signal }) {
  const [sections, overview] = await Promise.all([getJson('/api/sections'), getJson('/api/overview')]);
  if (signal.aborted) return;
  const status = h('p', { class: 'progress', role: 'status' });
  const parts = h('div', {});
  main.append(
    h('h1', { tabindex: '-1' }, `${overview.title}: wat werd er gedaan?`),
    h(
      'p',
      { class: 'lead' },
      'Per hoofdstuk het aantal engagementen dat gerealiseerd is, in uitvoering is, enkel aangekondigd werd of waarvan geen spoor te vinden is in de beslissingen van de Vlaamse Regering en het Vlaams Parlement.',
    ),
    status,
    scoreboard(overview),
    parts,
  );

  const byPart = new Map();
  for (const chapter of overview.chapters) {
    if (!byPart.has(chapter.part)) byPart.set(chapter.part, []);
    byPart.get(chapter.part).push(chapter);
  }
  for (const [part, chapters] of byPart) {
    const items = chapters.map((chapter) =>
      chapterView(chapter, sections, h('div', { class: 'counts-slot' }, countsView(chapter.counts, overview.statuses, chapter.toCheck))),
    );
    parts.append(h('section', { class: 'part' }, h('h2', {}, part), h('ul', { class: 'chapters' }, items)));
  }

  status.textContent = `Overzicht van ${overview.total} secties.`;
}
