// Client-side router: path routing over the History API. The server answers
// every app path with this page, so deep links (/sectie/justitie/3.4) work.
import { renderAsk } from './ask.js';
import { renderDocument } from './document.js';
import { h } from './dom.js';
import { renderHome } from './home.js';
import { renderLogin } from './login.js';
import { renderMethod } from './method.js';
import { renderPromise } from './promise.js';
import { renderPromises } from './promises.js';
import { renderQueue } from './queue.js';
import { renderSearch } from './search.js';
import { renderSection } from './section.js';
import { logout, onSessionChange, session } from './session.js';

const main = document.getElementById('inhoud');
let current = null;
// Focus moves to a new page's heading only after in-app navigation: on a fresh
// load the browser's own order holds, so the first Tab reaches the skip link.
let navigated = false;

function route(pathname) {
  if (pathname === '/') return { view: renderHome, title: 'Overzicht' };
  if (pathname === '/zoeken') return { view: renderSearch, title: 'Zoeken' };
  if (pathname === '/vragen') return { view: renderAsk, title: 'Vraag stellen' };
  if (pathname === '/beloften') return { view: renderPromises, title: 'Alle beloften' };
  if (pathname === '/methode') return { view: renderMethod, title: 'Methode' };
  if (pathname === '/inloggen') return { view: renderLogin, title: 'Aanmelden' };
  if (pathname === '/redactie') return { view: renderQueue, title: 'Beoordelingswachtrij' };
  const promise = pathname.match(/^\/belofte\/(.+)$/);
  if (promise) return { view: renderPromise, title: 'Belofte', id: promise[1].split('/').map(decodeURIComponent).join('/') };
  const doc = pathname.match(/^\/document\/(.+)$/);
  if (doc) return { view: renderDocument, title: 'Document', id: doc[1].split('/').map(decodeURIComponent).join('/') };
  const section = pathname.match(/^\/sectie\/(.+)$/);
  if (section) return { view: renderSection, title: 'Sectie', id: section[1].split('/').map(decodeURIComponent).join('/') };
  return null;
}

// The app restores the scroll position itself: a page is drawn after its data arrives,
// later than the browser would restore it. Each history entry remembers where the reader was.
history.scrollRestoration = 'manual';

export function navigate(url) {
  history.replaceState({ ...history.state, scrollY: window.scrollY }, '');
  history.pushState(null, '', url);
  navigated = true;
  restoring = null;
  show();
}

let restoring = null;

async function show() {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const match = route(location.pathname);
  main.replaceChildren();
  main.setAttribute('aria-busy', 'true');
  markCurrentLinks();
  updateLoginLink();
  try {
    if (!match) {
      notFound();
      return;
    }
    document.title = `${match.title} · Beloftemeter`;
    const rendering = match.view(main, { id: match.id, params: new URLSearchParams(location.search), navigate, signal: controller.signal });
    // Move focus to the new page's heading as soon as it exists, for keyboard and screen-reader users
    // (not when going back: the reader returns to where they were).
    if (navigated && restoring === null) queueMicrotask(() => focusHeading());
    await rendering;
  } catch (error) {
    if (controller.signal.aborted) return;
    if (error.status === 404) {
      notFound(error.message);
      return;
    }
    main.replaceChildren(h('h1', { tabindex: '-1' }, 'Er ging iets mis'), h('p', { role: 'alert', class: 'error' }, error.message), h('p', {}, h('a', { href: '/' }, 'Terug naar het overzicht')));
  } finally {
    if (current === controller) {
      main.removeAttribute('aria-busy');
      if (restoring !== null) {
        // Back or forward: the place the reader left, without moving focus away from it.
        window.scrollTo(0, restoring);
        restoring = null;
      } else if (location.hash) document.getElementById(location.hash.slice(1))?.focus();
      else if (navigated) focusHeading();
    }
  }
}

// The header's session part: "Aanmelden" for readers; "Redactie" and
// "Afmelden (<name>)" for a logged-in editor. It is drawn once the session is known.
const menu = document.querySelector('.site-header nav ul');
let sessionItems = [];

function drawSession({ user }) {
  for (const item of sessionItems) item.remove();
  if (user) {
    const button = h('button', { type: 'button', class: 'link-button' }, `Afmelden (${user.name})`);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await logout();
        // The page may show editors' parts (a review form, the queue): draw it again for a reader.
        show();
      } catch (error) {
        button.disabled = false;
        window.alert(`Afmelden lukte niet: ${error.message}`);
      }
    });
    sessionItems = [h('li', { class: 'session-item' }, h('a', { href: '/redactie' }, 'Redactie')), h('li', { class: 'session-item' }, button)];
  } else {
    sessionItems = [h('li', { class: 'session-item' }, h('a', { href: '/inloggen', 'data-login': '' }, 'Aanmelden'))];
  }
  menu.append(...sessionItems);
  markCurrentLinks();
  updateLoginLink();
}

/** The menu link of the page shown carries aria-current (the session's links are drawn later, so both ask). */
function markCurrentLinks() {
  for (const link of document.querySelectorAll('.site-header nav a')) {
    if (new URL(link.href).pathname === location.pathname) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** The login link brings the editor back to the page they were reading (from the start page: to the queue). */
function updateLoginLink() {
  const link = menu.querySelector('a[data-login]');
  if (!link) return;
  const here = location.pathname + location.search;
  link.setAttribute('href', location.pathname === '/inloggen' || location.pathname === '/' ? '/inloggen' : `/inloggen?terug=${encodeURIComponent(here)}`);
}

onSessionChange(drawSession);
session().then(drawSession);

function notFound(detail) {
  document.title = 'Niet gevonden · Beloftemeter';
  main.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Pagina niet gevonden'),
    detail ? h('p', {}, detail) : h('p', {}, 'Deze pagina bestaat niet (meer).'),
    h('p', {}, h('a', { href: '/' }, 'Naar het overzicht'), ' · ', h('a', { href: '/beloften' }, 'Alle beloften')),
  );
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

window.addEventListener('popstate', (event) => {
  navigated = true;
  restoring = typeof event.state?.scrollY === 'number' ? event.state.scrollY : null;
  show();
});
show();
