import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../test/fetch';
import { ApiError, get, patch, post, setCsrfToken, setUnauthorizedHandler } from './api';
import { errorMessage, fieldErrors, fieldMessage } from './errors';
import { i18n } from './i18n.svelte';

describe('api', () => {
  it('sends the CSRF token on writes only, and If-Match quoted', async () => {
    const { calls } = fakeApi({ 'GET /things': { body: {} }, 'PATCH /things/1': { body: {} } });
    setCsrfToken('tok');
    await get('/things');
    await patch('/things/1', { a: 1 }, { ifMatch: 7 });
    expect(calls[0].headers['X-CSRF-Token']).toBeUndefined();
    expect(calls[1].headers['X-CSRF-Token']).toBe('tok');
    expect(calls[1].headers['If-Match']).toBe('"7"');
    expect(calls[1].body).toEqual({ a: 1 });
  });

  it('turns problem+json into an ApiError with its field errors', async () => {
    fakeApi({
      'POST /dialogues': { status: 422, body: { title: 'Unprocessable Entity', status: 422, detail: 'x', errors: [{ field: 'concerns[1].title', message: 'concerns[1].title is required' }] } },
    });
    const err = (await post('/dialogues', {}).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(422);
    i18n.set('en');
    expect(fieldErrors(err)).toEqual({ 'concerns[1].title': 'This is required.' });
    i18n.set('nl');
    expect(fieldErrors(err)).toEqual({ 'concerns[1].title': 'Dit is verplicht.' });
    i18n.set('en');
  });

  it('knows a stale edit, and reports an ended session', async () => {
    const ended = vi.fn();
    setUnauthorizedHandler(ended);
    fakeApi({ 'PATCH /c/1': { status: 412, body: { title: 'Precondition Failed', status: 412 } }, 'GET /c': { status: 401, body: {} } });
    const stale = (await patch('/c/1', {}, { ifMatch: 1 }).catch((e: unknown) => e)) as ApiError;
    expect(stale.stale).toBe(true);
    expect(errorMessage(stale)).toMatch(/Someone else changed this record/);
    await get('/c').catch(() => {});
    expect(ended).toHaveBeenCalledOnce();
    setUnauthorizedHandler(null);
  });

  it('words messages it has no translation for as sentences', () => {
    expect(fieldMessage({ field: 'name', message: 'name must be at most 200 characters' })).toBe('Use at most 200 characters.');
    expect(fieldMessage({ field: 'x', message: 'x is odd in a new way' })).toBe('Is odd in a new way.');
  });
});
