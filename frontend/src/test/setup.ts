// jsdom has no layout: what the app asks of it only in a real browser is
// stubbed here, so component tests run the same code.
import { afterEach, vi } from 'vitest';

window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
if (!HTMLElement.prototype.scrollIntoView) HTMLElement.prototype.scrollIntoView = vi.fn();

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

// bind:clientWidth uses a ResizeObserver; jsdom measures nothing anyway
if (!('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
