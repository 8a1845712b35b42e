import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n.svelte';
import { session } from '../lib/session.svelte';
import type { User } from '../lib/types';
import { fakeApi, page } from '../test/fetch';
import LogMeeting from './LogMeeting.svelte';

const me = { id: 'u-officer', name: 'Sanne de Groot', role: 'officer', active: true } as User;
const stakeholder = { id: 's-1', name: 'Bewonersvereniging Oostwijk', category: 'community' };

function api(dialogues: (body: unknown) => { status?: number; body?: unknown }) {
  return fakeApi({
    'GET /users': page([me]),
    'GET /stakeholders': page([stakeholder]),
    'POST /dialogues': (call) => dialogues(call.body),
  });
}

async function fillMeeting() {
  await fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Avondoverleg' } });
  const combo = screen.getByRole('combobox', { name: 'Stakeholders' });
  await fireEvent.input(combo, { target: { value: 'oost' } });
  await fireEvent.mouseDown(await screen.findByRole('option', { name: /Bewonersvereniging Oostwijk/ }));
  await screen.findByRole('button', { name: 'Remove Bewonersvereniging Oostwijk' });
  await fireEvent.click(screen.getByRole('button', { name: /Add concern/ }));
  const concern = screen.getByRole('group', { name: 'Concern 1' });
  await fireEvent.input(within(concern).getByLabelText('Topic'), { target: { value: 'geluid' } });
  await fireEvent.click(screen.getByRole('button', { name: /Add commitment/ }));
  const commitment = screen.getByRole('group', { name: 'Commitment 1' });
  await fireEvent.input(within(commitment).getByLabelText('Title'), { target: { value: 'Geluid meten' } });
  return { concern, commitment };
}

describe('Log a meeting', () => {
  beforeEach(() => {
    i18n.set('en');
    session.me = { user: me, stakeholder: null, csrf_token: 't' };
  });

  it('labels every field and starts with sensible defaults', () => {
    api(() => ({}));
    render(LogMeeting);
    expect((screen.getByLabelText('Date') as HTMLInputElement).value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    expect((screen.getByLabelText('Format') as HTMLSelectElement).value).toBe('meeting');
    expect(screen.getByLabelText('Summary')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
  });

  it('saves the whole meeting with one request, and shows a nested field error next to its field without losing a word', async () => {
    let answer: { status?: number; body?: unknown } = {
      status: 422,
      body: { title: 'Unprocessable Entity', status: 422, errors: [{ field: 'concerns[0].title', message: 'concerns[0].title is required' }] },
    };
    const { calls } = api(() => answer);
    render(LogMeeting);
    const { concern, commitment } = await fillMeeting();

    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const title = within(concern).getByLabelText('Title');
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(title.getAttribute('aria-describedby')!)?.textContent).toBe('This is required.');
    expect(document.activeElement).toBe(title);
    // nothing typed is lost
    expect((screen.getAllByLabelText('Title')[0] as HTMLInputElement).value).toBe('Avondoverleg');
    expect((within(concern).getByLabelText('Topic') as HTMLInputElement).value).toBe('geluid');
    expect((within(commitment).getByLabelText('Title') as HTMLInputElement).value).toBe('Geluid meten');

    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    const body = posts[0].body as Record<string, any>;
    expect(body.stakeholder_ids).toEqual(['s-1']);
    expect(body.concerns).toHaveLength(1);
    expect(body.commitments[0]).toMatchObject({ title: 'Geluid meten', concern_index: 0, owner_id: 'u-officer', shared: true, stakeholder_id: 's-1' });

    answer = { status: 201, body: { id: 'd-1', title: 'Avondoverleg', stakeholder_ids: ['s-1'], concerns: [{}], commitments: [{}] } };
    await fireEvent.input(title, { target: { value: 'Geluid' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { name: 'Saved: Avondoverleg' });
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2);
  });

  it('keeps a draft when the page goes away before saving', async () => {
    api(() => ({}));
    const first = render(LogMeeting);
    await fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Half typed' } });
    first.unmount();
    render(LogMeeting);
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Half typed');
  });
});
