// Client-side router: path routing over the History API. The server answers
// every app path with this page, so deep links (/sectie/justitie/3.4) work.
import { renderAsk } from './ask.js';
import { renderDocument } from './document.js';
import { h } from './dom.js';
import { renderHome } from './home.js';
import { renderSearch } from './search.js';
import { renderSection } from './section.js';

const main = document.getElementById('inhoud');
let current = null;
// Focus moves to a new page's heading only after in-app navigation: on a fresh
// load the browser's own order holds, so the first Tab reaches the skip link.
let navigated = false;

function route(pathname) {
  if (pathname === '/') return { view: renderHome, title: 'Overzicht' };
  if (pathname === '/zoeken') return { view: renderSearch, title: 'Zoeken' };
  if (pathname === '/vragen') return { view: renderAsk, title: 'Vraag stellen' };
  const doc = pathname.match(/^\/document\/(.+)$/);
  if (doc) return { view: renderDocument, title: 'Document', id: doc[1].split('/').map(decodeURIComponent).join('/') };
  const section = pathname.match(/^\/sectie\/(.+)$/);
  if (section) return { view: renderSection, title: 'Sectie', id: section[1].split('/').map(decodeURIComponent).join('/') };
  return null;
}

export function navigate(url) {
  history.pushState(null, '', url);
  navigated = true;
  show();
}

async function show() {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const match = route(location.pathname);
  main.replaceChildren();
  main.setAttribute('aria-busy', 'true');
  for (const link of document.querySelectorAll('.site-header nav a')) {
    if (link.getAttribute('href') === location.pathname) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  try {
    if (!match) {
      document.title = 'Niet gevonden · Beloftemeter';
      main.append(h('h1', { tabindex: '-1' }, 'Pagina niet gevonden'), h('p', {}, h('a', { href: '/' }, 'Terug naar het overzicht')));
      return;
    }
    document.title = `${match.title} · Beloftemeter`;
    const rendering = match.view(main, { id: match.id, params: new URLSearchParams(location.search), navigate, signal: controller.signal });
    // Move focus to the new page's heading as soon as it exists, for keyboard and screen-reader users.
    if (navigated) queueMicrotask(() => focusHeading());
    await rendering;
  } catch (error) {
    if (controller.signal.aborted) return;
    main.replaceChildren(h('h1', { tabindex: '-1' }, 'Er ging iets mis'), h('p', { role: 'alert', class: 'error' }, error.message), h('p', {}, h('a', { href: '/' }, 'Terug naar het overzicht')));
  } finally {
    if (current === controller) {
      main.removeAttribute('aria-busy');
      if (location.hash) document.getElementById(location.hash.slice(1))?.focus();
      else if (navigated) focusHeading();
    }
  }
}

let focusedFor = null;
function focusHeading() {
  const heading = main.querySelector('h1');
  if (heading && focusedFor !== heading) {
    focusedFor = heading;
    heading.focus({ preventScroll: false });
  }
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || link.target) return;
  // In-page anchors (citations to references) keep the browser's behaviour.
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});

window.addEventListener('popstate', () => {
  navigated = true;
  show();
});
show();
