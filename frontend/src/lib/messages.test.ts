import { describe, expect, it } from 'vitest';
import { en, nl } from './messages';

describe('messages', () => {
  it('has every English word in Dutch too, and no empty ones', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(nl)) expect(v.trim(), k).not.toBe('');
  });

  it('keeps the same {placeholders} in both languages', () => {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(holes(nl[k]), k).toEqual(holes(en[k]));
  });
});
