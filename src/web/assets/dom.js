// Tiny DOM helpers: every piece of data becomes a text node, never markup.
import { idPath } from './api.js';

/**
 * Creates an element. `attrs` are set as attributes (`class`, `href`, `aria-*`,
 * ...); children are nodes or strings (strings become text nodes).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** Only http(s) links are ever rendered as links. */
export function safeHref(uri) {
  return typeof uri === 'string' && /^https?:\/\//i.test(uri) ? uri : null;
}

/** A link to an external source, or plain text when there is no (safe) link. */
export function sourceLink(uri, text) {
  const href = safeHref(uri);
  return href ? h('a', { href, rel: 'noopener noreferrer' }, text) : h('span', {}, text);
}

/** Text with "[n]" markers turned into links to the reference list (`#<prefix>n`). */
export function withCitationLinks(text, prefix) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(/\[(\d+)\]/g)) {
    parts.push(text.slice(last, match.index));
    parts.push(citation(Number(match[1]), prefix));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

export function citation(n, prefix) {
  return h('a', { href: `#${prefix}${n}`, class: 'citation', 'aria-label': `bron ${n}` }, `[${n}]`);
}

/** A status as a coloured badge; `label` is the server's Dutch wording. */
export function statusBadge(status, label) {
  return h('span', { class: `status status-${status}` }, label);
}

/** A server message (a sentence part, "gebruikersnaam ... klopt niet") as a sentence: capital, full stop. */
export function sentence(message) {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** "2 december 2026 om 14:05", Belgian time, from an ISO time. */
export function formatDateTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = date.toLocaleDateString('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' });
  const time = date.toLocaleTimeString('nl-BE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Brussels' });
  return `${day} om ${time}`;
}

export function sectionPath(id) {
  return `/sectie/${idPath(id)}`;
}

export function formatDate(date) {
  if (!date) return 'zonder datum';
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The page of one promise: `/belofte/<section id>/<n>`. */
export function promisePath(path) {
  return `/belofte/${idPath(path)}`;
}

/** A document of the index: `/document/<id>`. */
export function documentLink(id) {
  return `/document/${idPath(id)}`;
}

/**
 * The commitments per status as a list of badges: the text a reader (and a
 * screen reader) gets beside the bar. Optionally each with its share of
 * `percentOf`, a link per status, and without the statuses that have none.
 */
export function statusCounts(counts, statuses, { ariaLabel = null, percentOf = 0, href = null, skipEmpty = false } = {}) {
  const shown = statuses.filter(({ status }) => !skipEmpty || counts[status]);
  return h(
    'ul',
    { class: 'counts', 'aria-label': ariaLabel },
    shown.map(({ status, label }) => {
      const badge = statusBadge(status, `${counts[status]} ${label}${percentOf ? ` (${Math.round((100 * counts[status]) / percentOf)}%)` : ''}`);
      return h('li', {}, href ? h('a', { href: href(status), class: 'count-link' }, badge) : badge);
    }),
  );
}

/**
 * A stacked bar of the statuses, in proportion. The bar is decoration
 * (aria-hidden): `counts` are also given as text beside it, never by colour alone.
 */
export function statusBar(counts, statuses) {
  const total = statuses.reduce((sum, { status }) => sum + (counts[status] ?? 0), 0);
  if (!total) return null;
  const segments = statuses.flatMap(({ status, label }) => {
    if (!counts[status]) return [];
    const segment = h('span', { class: `status-${status}`, title: `${counts[status]} ${label}` });
    // Set through the CSSOM: the page's Content-Security-Policy forbids style attributes.
    segment.style.width = `${((100 * counts[status]) / total).toFixed(2)}%`;
    return [segment];
  });
  return h('div', { class: 'status-bar', 'aria-hidden': 'true' }, segments);
}

/**
 * A "more" button under a paged list. `loadPage(offset)` fetches the items
 * after `offset` and returns them as nodes; the status line says how many are
 * shown (`describe(shown)`), and the button hides when `hasMore(shown, lastPage)`
 * says the list is complete. One request at a time; a failure is told, not thrown.
 */
export function loadMore({ label, list, initial, loadPage, describe, hasMore, failure, signal }) {
  const status = h('p', { class: 'progress', role: 'status' });
  const button = h('button', { type: 'button' }, label);
  let shown = initial;
  const update = (lastPage) => {
    status.textContent = describe(shown);
    button.hidden = !hasMore(shown, lastPage);
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const items = await loadPage(shown);
      if (signal.aborted) return;
      append(list, items);
      shown += items.length;
      update(items.length);
    } catch (error) {
      status.textContent = `${failure}: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  });
  update(null);
  return { status, button };
}

/** A labelled <select> whose first option ("alle" unless said otherwise) means no filter. */
export function selectField(id, name, label, options, value, noneLabel = 'alle') {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h('select', { id, name }, h('option', { value: '' }, noneLabel), options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))),
  );
}
