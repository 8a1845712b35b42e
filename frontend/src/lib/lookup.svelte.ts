// Names of stakeholders and users for lists that hold only their ids. The
// register is read once per visit in pages of 200 and kept; anything missing
// after that (an archived stakeholder) is fetched by id.

import { SvelteMap } from 'svelte/reactivity';
import { get } from './api';
import type { Page, Stakeholder, User } from './types';

export const stakeholderNames = new SvelteMap<string, string>();
export const users = new SvelteMap<string, User>();

let stakeholdersLoaded: Promise<void> | null = null;
let usersLoaded: Promise<void> | null = null;

async function all<T>(path: string, each: (item: T) => void, maxPages = 10): Promise<void> {
  let cursor: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const page: Page<T> = await get<Page<T>>(`${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    page.items.forEach(each);
    cursor = page.next_cursor;
    if (!cursor) break;
  }
}

export function rememberStakeholder(s: { id: string; name: string }): void {
  stakeholderNames.set(s.id, s.name);
}

/** Makes sure the names of these stakeholders are known. */
export async function loadStakeholderNames(ids: Iterable<string | null | undefined> = []): Promise<void> {
  stakeholdersLoaded ??= all<Stakeholder>('/stakeholders', rememberStakeholder).catch((e) => {
    stakeholdersLoaded = null;
    throw e;
  });
  await stakeholdersLoaded;
  const missing = [...new Set([...ids].filter((id): id is string => !!id && !stakeholderNames.has(id)))];
  await Promise.all(
    missing.slice(0, 50).map((id) =>
      get<Stakeholder>(`/stakeholders/${id}`)
        .then(rememberStakeholder)
        .catch(() => stakeholderNames.set(id, '—')),
    ),
  );
}

/** Every user, for owner names and pickers (internal roles only). */
export async function loadUsers(force = false): Promise<void> {
  if (force) usersLoaded = null;
  usersLoaded ??= all<User>('/users', (u) => users.set(u.id, u)).catch((e) => {
    usersLoaded = null;
    throw e;
  });
  await usersLoaded;
}

export function stakeholderName(id: string | null | undefined): string {
  if (!id) return '';
  return stakeholderNames.get(id) ?? '…';
}

export function userName(id: string | null | undefined): string {
  if (!id) return '';
  return users.get(id)?.name ?? '…';
}

/** Users who can own commitments: active and inside the organisation. */
export function owners(): User[] {
  return [...users.values()].filter((u) => u.active && u.role !== 'partner').sort((a, b) => a.name.localeCompare(b.name));
}

/** Forget everything, at sign-out. */
export function resetLookups(): void {
  stakeholderNames.clear();
  users.clear();
  stakeholdersLoaded = null;
  usersLoaded = null;
}
