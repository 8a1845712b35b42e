// The app's language: the browser's by default, the user's own once they
// choose. Dates and numbers follow the browser's region when it speaks the
// chosen language (en-US stays en-US), else the language's home region.

import { en, nl, type MessageKey } from './messages';
import type { Locale } from './types';

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, nl };
const STORAGE_KEY = 'dialoog.locale';

export function browserLocale(langs: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]): Locale {
  for (const l of langs) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'nl') return 'nl';
    if (base === 'en') return 'en';
  }
  return 'en';
}

function storedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' || v === 'nl' ? v : null;
  } catch {
    return null;
  }
}

class I18n {
  locale = $state<Locale>(storedLocale() ?? browserLocale());

  /** The BCP 47 tag used for dates and numbers. */
  get tag(): string {
    const langs = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
    const match = langs.find((l) => l.toLowerCase().split('-')[0] === this.locale && l.includes('-'));
    return match ?? (this.locale === 'nl' ? 'nl-NL' : 'en-GB');
  }

  set(locale: Locale): void {
    this.locale = locale;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      /* private mode: the choice lasts this visit */
    }
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }
}

export const i18n = new I18n();
if (typeof document !== 'undefined') document.documentElement.lang = i18n.locale;

/** The message for key in the current language, with {name} filled in. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  let s: string = dictionaries[i18n.locale][key] ?? en[key] ?? key;
  if (params) {
    for (const [k, v] of Object.entries(params)) s = s.replaceAll(`{${k}}`, typeof v === 'number' ? fmtNumber(v) : v);
  }
  return s;
}

/** The label of an enum value, such as label('status', 'in_progress'). */
export function label(group: string, value: string | null | undefined): string {
  if (!value) return '';
  const key = `${group}.${value}` as MessageKey;
  return key in en ? t(key) : value;
}

export function fmtNumber(n: number, digits = 0): string {
  return new Intl.NumberFormat(i18n.tag, { maximumFractionDigits: digits }).format(n);
}

/** A calendar date (YYYY-MM-DD) as the reader writes dates; never shifted by time zone. */
export function fmtDay(day: string | null | undefined, style: 'medium' | 'long' = 'medium'): string {
  if (!day) return '';
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(i18n.tag, { dateStyle: style }).format(new Date(y, m - 1, d));
}

/** A moment (RFC 3339) in the reader's time zone. */
export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(i18n.tag, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(i18n.tag, { dateStyle: 'medium' }).format(new Date(iso));
}

/** A month (YYYY-MM) as a short label: "Mar 2026", "mrt 2026". */
export function fmtMonth(month: string, withYear = true): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(i18n.tag, withYear ? { month: 'short', year: 'numeric' } : { month: 'short' }).format(new Date(y, m - 1, 1));
}
