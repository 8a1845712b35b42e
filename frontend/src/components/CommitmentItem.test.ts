import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n.svelte';
import type { Commitment } from '../lib/types';
import { fakeApi } from '../test/fetch';
import CommitmentItem from './CommitmentItem.svelte';

const base: Commitment = {
  id: 'c-1', title: 'Geluid meten', description: '', stakeholder_id: 's-1', owner_id: null, due_on: '2026-01-10', status: 'open',
  overdue: true, shared: true, done_at: null, partner_verdict: null, verdict_reason: '', verdict_at: null, updated_at: '', version: 3,
};

describe('a commitment in the list', () => {
  beforeEach(() => i18n.set('en'));

  it('is marked overdue and changes status in place with If-Match', async () => {
    const { calls } = fakeApi({ 'PATCH /commitments/c-1': (c) => ({ body: { ...base, ...(c.body as object), version: 4 } }) });
    render(CommitmentItem, { props: { commitment: { ...base } } });
    expect(screen.getByText('Overdue')).toBeTruthy();
    await fireEvent.change(screen.getByLabelText('Status of Geluid meten'), { target: { value: 'in_progress' } });
    await screen.findByText('Saved');
    expect(calls[0]).toMatchObject({ method: 'PATCH', body: { status: 'in_progress' } });
    expect(calls[0].headers['If-Match']).toBe('"3"');
  });

  it('on a stale edit says so, reloads, keeps the edit, and saves it on the new version', async () => {
    let stale = true;
    const { calls } = fakeApi({
      'PATCH /commitments/c-1': (c) => (stale ? { status: 412, body: { title: 'Precondition Failed', status: 412 } } : { body: { ...base, ...(c.body as object), version: 6 } }),
      'GET /commitments/c-1': { body: { ...base, description: 'changed by someone else', version: 5 } },
    });
    render(CommitmentItem, { props: { commitment: { ...base } } });
    const select = screen.getByLabelText('Status of Geluid meten') as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: 'done' } });
    await screen.findByText(/Someone else changed this record/);
    expect(select.value).toBe('done');
    stale = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Reload and keep my edit' }));
    const again = await screen.findByRole('button', { name: 'Save: Done' });
    expect(select.value).toBe('done');
    await fireEvent.click(again);
    await screen.findByText('Saved');
    const last = calls.at(-1)!;
    expect(last.headers['If-Match']).toBe('"5"');
    expect(last.body).toEqual({ status: 'done' });
    await waitFor(() => expect(screen.queryByText(/Someone else changed/)).toBeNull());
  });
});
