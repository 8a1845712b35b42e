// Every screen, who may see it, and how it is loaded. Only the sign-in page
// and the shell are in the first bundle; each screen is fetched when opened.

import type { Component } from 'svelte';
import type { MessageKey } from './lib/messages';
import type { Role } from './lib/types';

type Loader = () => Promise<{ default: Component<any> }>;

export interface Route {
  pattern: string;
  load: Loader;
  roles: Role[];
}

const internal: Role[] = ['admin', 'officer', 'director'];
const editors: Role[] = ['admin', 'officer'];

export const routes: Route[] = [
  { pattern: '/log', load: () => import('./screens/LogMeeting.svelte'), roles: editors },
  { pattern: '/stakeholders', load: () => import('./screens/Stakeholders.svelte'), roles: internal },
  { pattern: '/stakeholders/:id', load: () => import('./screens/Stakeholder.svelte'), roles: internal },
  { pattern: '/dialogues', load: () => import('./screens/Dialogues.svelte'), roles: internal },
  { pattern: '/dialogues/:id', load: () => import('./screens/Dialogue.svelte'), roles: internal },
  { pattern: '/concerns', load: () => import('./screens/Concerns.svelte'), roles: internal },
  { pattern: '/commitments', load: () => import('./screens/Commitments.svelte'), roles: internal },
  { pattern: '/overview', load: () => import('./screens/Overview.svelte'), roles: internal },
  { pattern: '/report', load: () => import('./screens/Report.svelte'), roles: internal },
  { pattern: '/settings', load: () => import('./screens/Settings.svelte'), roles: ['admin', 'officer', 'director', 'partner'] },
  { pattern: '/actions', load: () => import('./screens/ActionList.svelte'), roles: ['partner'] },
  { pattern: '/users', load: () => import('./screens/Users.svelte'), roles: ['admin'] },
];

export interface NavItem {
  path: string;
  label: MessageKey;
  roles: Role[];
}

export const nav: NavItem[] = [
  { path: '/log', label: 'nav.log', roles: editors },
  { path: '/stakeholders', label: 'nav.stakeholders', roles: internal },
  { path: '/dialogues', label: 'nav.dialogues', roles: internal },
  { path: '/concerns', label: 'nav.concerns', roles: internal },
  { path: '/commitments', label: 'nav.commitments', roles: internal },
  { path: '/overview', label: 'nav.overview', roles: internal },
  { path: '/report', label: 'nav.report', roles: internal },
  { path: '/users', label: 'nav.users', roles: ['admin'] },
  { path: '/actions', label: 'nav.actions', roles: ['partner'] },
];

/** Where each role starts. */
export function home(role: Role): string {
  if (role === 'partner') return '/actions';
  if (role === 'director') return '/overview';
  return '/log';
}

const loaded = new Map<Loader, ReturnType<Loader>>();

/** Loads a screen once; later visits reuse the same module. */
export function load(route: Route): ReturnType<Loader> {
  let p = loaded.get(route.load);
  if (!p) {
    p = route.load();
    p.catch(() => loaded.delete(route.load));
    loaded.set(route.load, p);
  }
  return p;
}
