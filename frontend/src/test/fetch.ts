// A fake /api/v1 for component tests: answers by method and path, and keeps
// every request so a test can say what was sent.
import { vi } from 'vitest';

export interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

type Answer = { status?: number; body?: unknown } | ((call: Call) => { status?: number; body?: unknown });

function parse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s; // a CSV upload
  }
}

export function fakeApi(routes: Record<string, Answer>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.replace(/^\/api\/v1/, '');
    const call: Call = { method, path, headers: (init.headers ?? {}) as Record<string, string>, body: init.body ? parse(String(init.body)) : undefined };
    calls.push(call);
    const key = Object.keys(routes).find((k) => {
      const [m, p] = k.split(' ');
      return m === method && (p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : path.split('?')[0] === p);
    });
    const found = key ? routes[key] : { status: 404, body: { title: 'Not Found', status: 404, detail: 'no route in the fake' } };
    const answer = typeof found === 'function' ? found(call) : found;
    const status = answer.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(answer.body ?? {}), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return { calls, fetch };
}

export const page = <T>(items: T[]) => ({ body: { items, next_cursor: null } });
