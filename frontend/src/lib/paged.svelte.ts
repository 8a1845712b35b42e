// One list read from the API page by page ({items, next_cursor}).

import { get } from './api';
import type { Page } from './types';

export class Paged<T> {
  items = $state<T[]>([]);
  next = $state<string | null>(null);
  loading = $state(false);
  loaded = $state(false);
  error = $state<unknown>(null);
  private generation = 0;

  /**
   * @param path the list's path with its filters, read at each reload
   * @param limit rows per page
   * @param each called with every page before it is shown (to fetch names)
   */
  constructor(
    private path: () => string,
    private limit = 50,
    private each?: (items: T[]) => Promise<unknown> | void,
  ) {}

  get more(): boolean {
    return this.next !== null;
  }

  async reload(): Promise<void> {
    const gen = ++this.generation;
    this.next = null;
    await this.fetch(null, gen, true);
  }

  async loadMore(): Promise<void> {
    if (!this.next || this.loading) return;
    await this.fetch(this.next, this.generation, false);
  }

  private async fetch(cursor: string | null, gen: number, reset: boolean): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      const path = this.path();
      const sep = path.includes('?') ? '&' : '?';
      const page = await get<Page<T>>(`${path}${sep}limit=${this.limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      if (gen !== this.generation) return;
      await Promise.resolve(this.each?.(page.items)).catch(() => {});
      if (gen !== this.generation) return;
      this.items = reset ? page.items : [...this.items, ...page.items];
      this.next = page.next_cursor;
      this.loaded = true;
    } catch (e) {
      if (gen === this.generation) this.error = e;
    } finally {
      if (gen === this.generation) this.loading = false;
    }
  }
}
