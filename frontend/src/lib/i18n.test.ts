import { describe, expect, it } from 'vitest';
import { browserLocale, fmtDay, i18n, label, t } from './i18n.svelte';

describe('i18n', () => {
  it("takes the browser's first language it speaks", () => {
    expect(browserLocale(['nl-BE', 'en'])).toBe('nl');
    expect(browserLocale(['de-DE', 'en-US'])).toBe('en');
    expect(browserLocale(['fr'])).toBe('en');
  });

  it('switches every word at once', () => {
    i18n.set('nl');
    expect(t('nav.log')).toBe('Gesprek vastleggen');
    expect(label('status', 'in_progress')).toBe('Bezig');
    i18n.set('en');
    expect(t('nav.log')).toBe('Log a meeting');
    expect(t('app.allLoaded', { count: 1200 })).toMatch(/^All 1[,.]?200 shown$/);
  });

  it('writes a calendar date without shifting it by time zone', () => {
    i18n.set('en');
    expect(fmtDay('2026-03-01')).toMatch(/1 Mar 2026|Mar 1, 2026/);
  });
});
