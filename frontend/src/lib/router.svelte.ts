// A small history router: the path is state, links are plain <a href>, and a
// click on one is caught once for the whole document.

class Router {
  path = $state(typeof location === 'undefined' ? '/' : location.pathname);
  /** True after the reader followed a link: the new page's heading takes focus. */
  moved = $state(false);
}

export const router = new Router();

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === router.path) return;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  router.path = new URL(to, location.origin).pathname;
  router.moved = true;
  if (!opts.replace) window.scrollTo(0, 0);
}

/** Catches clicks on same-origin app links so the page is not reloaded. */
export function installLinkHandler(): void {
  window.addEventListener('popstate', () => {
    router.path = location.pathname;
    router.moved = true;
  });
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const href = a.getAttribute('href');
    if (!href || !href.startsWith('/') || href.startsWith('//') || href.startsWith('/api/')) return;
    e.preventDefault();
    navigate(href);
  });
}

/** Matches a path against a pattern like /stakeholders/:id; the params, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}
