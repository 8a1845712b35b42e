// Who is signed in, and their session's CSRF token.

import { ApiError, get, patch, post, setCsrfToken, setUnauthorizedHandler } from './api';
import { i18n } from './i18n.svelte';
import { resetLookups } from './lookup.svelte';
import type { Locale, Me, Role, User } from './types';

const CHOSEN_KEY = 'dialoog.locale.chosen';
// The session cookie is HttpOnly, so the app keeps its own note that someone
// signed in on this browser: without it the first screen is the sign-in page
// straight away, with no /auth/me answered 401 (and logged by the browser).
const SIGNED_IN_KEY = 'dialoog.signed-in';

function note(on: boolean): void {
  try {
    if (on) localStorage.setItem(SIGNED_IN_KEY, '1');
    else localStorage.removeItem(SIGNED_IN_KEY);
  } catch {
    /* private mode */
  }
}

function noted(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_KEY) === '1';
  } catch {
    return true;
  }
}

class Session {
  me = $state<Me | null>(null);
  ready = $state(false);
  /** The session ended while the app was open: sign in again over the page. */
  expired = $state(false);

  get user(): User | null {
    return this.me?.user ?? null;
  }

  get role(): Role | null {
    return this.me?.user.role ?? null;
  }

  /** May log meetings and edit the register. */
  get canEdit(): boolean {
    return this.role === 'admin' || this.role === 'officer';
  }

  get canReadAudit(): boolean {
    return this.role === 'admin' || this.role === 'director';
  }
}

export const session = new Session();

function remember(): boolean {
  try {
    return localStorage.getItem(CHOSEN_KEY) === '1';
  } catch {
    return false;
  }
}

function markChosen(): void {
  try {
    localStorage.setItem(CHOSEN_KEY, '1');
  } catch {
    /* private mode */
  }
}

/**
 * Applies the account's language. The store gives every new account "en", so
 * "en" is taken as the user's choice only once they have chosen on this
 * browser; until then the browser's language stands.
 */
async function adoptLocale(user: User): Promise<void> {
  if (pendingChoice) {
    pendingChoice = false;
    if (user.locale !== i18n.locale) await saveLocale(i18n.locale).catch((e) => console.warn('could not keep the language', e));
    return;
  }
  if (user.locale === i18n.locale) return;
  if (user.locale !== 'en' || remember()) i18n.set(user.locale);
}

let pendingChoice = false;

/** The language was switched before signing in: it is saved to the account at sign-in. */
export function chooseLocaleSignedOut(locale: Locale): void {
  i18n.set(locale);
  markChosen();
  pendingChoice = true;
}

export async function loadSession(): Promise<void> {
  setUnauthorizedHandler(() => {
    if (session.me) session.expired = true;
  });
  if (!noted()) {
    session.ready = true;
    return;
  }
  try {
    const me = await get<Me>('/auth/me', { quiet401: true });
    setCsrfToken(me.csrf_token);
    session.me = me;
    await adoptLocale(me.user);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) note(false);
    else console.warn('could not load the session', e);
    session.me = null;
  } finally {
    session.ready = true;
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  const before = session.me?.user.id;
  const res = await post<{ user: User; csrf_token: string }>('/auth/login', { email, password }, { quiet401: true });
  setCsrfToken(res.csrf_token);
  const me = await get<Me>('/auth/me', { quiet401: true });
  setCsrfToken(me.csrf_token ?? res.csrf_token);
  if (session.expired && before && before !== me.user.id) {
    // someone else signed in over an ended session: what was on screen is not theirs
    location.assign('/');
  }
  note(true);
  session.me = me;
  session.expired = false;
  await adoptLocale(me.user);
}

export async function signOut(): Promise<void> {
  try {
    await post('/auth/logout', undefined);
  } finally {
    note(false);
    resetLookups();
    setCsrfToken(null);
    session.me = null;
    session.expired = false;
  }
}

/** Switches the language now and keeps it with the account. */
export async function saveLocale(locale: Locale): Promise<void> {
  i18n.set(locale);
  markChosen();
  const me = session.me;
  if (!me) return;
  const user = await patch<User>(`/users/${me.user.id}`, { locale });
  session.me = { ...me, user };
}
