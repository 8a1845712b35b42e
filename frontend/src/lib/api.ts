// The one way the app talks to /api/v1: JSON in and out, the session's CSRF
// token on every write, problem+json turned into ApiError.

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly fields: FieldError[];
  /** The whole problem document, with any extension members. */
  body?: unknown;

  constructor(status: number, title: string, detail: string, fields: FieldError[] = []) {
    super(detail || title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fields = fields;
  }

  /** The record changed since it was read (a PATCH with a stale If-Match). */
  get stale(): boolean {
    return this.status === 412;
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401 after sign-in: the session has ended. */
export function setUnauthorizedHandler(fn: (() => void) | null): void {
  onUnauthorized = fn;
}

export interface RequestOptions {
  /** The version the edit was based on, sent as If-Match. */
  ifMatch?: number;
  signal?: AbortSignal;
  /** Do not report a 401 as an ended session (sign-in and the first /auth/me). */
  quiet401?: boolean;
  /** Send body as it is, with this Content-Type, instead of as JSON (a CSV upload). */
  contentType?: string;
}

export const BASE = '/api/v1';

export async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = opts.contentType ?? 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (opts.ifMatch !== undefined) headers['If-Match'] = `"${opts.ifMatch}"`;
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : opts.contentType ? (body as BodyInit) : JSON.stringify(body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'offline', '');
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('Content-Type') ?? '';
  const data: unknown = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) throw problem(res, data, opts);
  return data as T;
}

function problem(res: Response, data: unknown, opts: RequestOptions): ApiError {
  const p = (data ?? {}) as { title?: string; detail?: string; errors?: FieldError[] };
  if (res.status === 401 && !opts.quiet401) onUnauthorized?.();
  const err = new ApiError(res.status, p.title ?? res.statusText, p.detail ?? '', p.errors ?? []);
  err.body = data;
  return err;
}

/**
 * Fetches path in the format asked by accept (a link cannot set Accept) and
 * saves it under the server's file name, or fallback when it gives none.
 * Answers the response's Content-Type.
 */
export async function download(path: string, accept: string, fallback: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(BASE + path, { headers: { Accept: accept }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'offline', '');
  }
  if (!res.ok) {
    const type = res.headers.get('Content-Type') ?? '';
    throw problem(res, type.includes('json') ? await res.json().catch(() => null) : null, {});
  }
  const blob = await res.blob();
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? fallback;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return res.headers.get('Content-Type') ?? '';
}

export const get = <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts);
export const post = <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('POST', path, body, opts);
export const patch = <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body, opts);
export const del = (path: string, opts?: RequestOptions) => request<void>('DELETE', path, undefined, opts);

/** A query string from the set values of params; empty ones are left out (unknown filters are refused). */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    u.set(k, String(v));
  }
  const s = u.toString();
  return s ? `?${s}` : '';
}
