import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../lib/api';
import { i18n } from '../lib/i18n.svelte';
import { fakeApi } from '../test/fetch';
import ImportStakeholders from './ImportStakeholders.svelte';

const csv = () => new File(['naam;invloed\nBuurtvereniging Oost;9\n'], 'stakeholders.csv', { type: 'text/csv' });

async function choose() {
  await fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [csv()] } });
  await fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));
}

describe('the stakeholder import', () => {
  beforeEach(() => {
    i18n.set('en');
    setCsrfToken('tok');
  });

  it('lists every row error of a 422 dry run, and offers no import', async () => {
    const { calls } = fakeApi({
      'POST /stakeholders/import': {
        status: 422,
        body: {
          title: 'Unprocessable Entity', status: 422, detail: 'the file has rows with errors; nothing was imported',
          errors: [
            { field: 'rows[3].influence', message: 'row 3: influence must be between 1 and 5' },
            { field: 'rows[5].name', message: 'row 5: name is required' },
          ],
          dry_run: true, imported: false, rows: 5, stakeholders_created: 0, contacts_created: 0, duplicates: [],
        },
      },
    });
    render(ImportStakeholders);
    await choose();
    await screen.findByText('row 3: influence must be between 1 and 5');
    expect(screen.getByText('row 5: name is required')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Nothing can be imported');
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(calls[0].path).toBe('/stakeholders/import?dry_run=true');
    expect(calls[0].headers['Content-Type']).toBe('text/csv');
    expect(calls[0].headers['X-CSRF-Token']).toBe('tok');
  });

  it('previews a good file, then imports it', async () => {
    const { calls } = fakeApi({
      'POST /stakeholders/import': (c) => ({
        body: {
          dry_run: c.path.includes('dry_run'), imported: !c.path.includes('dry_run'), rows: 3, stakeholders_created: 2, contacts_created: 1,
          duplicates: [{ row: 3, field: 'name', value: 'Gemeente Zuid', existing_id: 's-9', message: 'already in the register' }],
        },
      }),
    });
    render(ImportStakeholders);
    await choose();
    await screen.findByText(/2 stakeholders and 1 contacts would be added/);
    expect(screen.getByRole('link', { name: 'Row 3: Gemeente Zuid' }).getAttribute('href')).toBe('/stakeholders/s-9');
    await fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported: 2 stakeholders and 1 contacts added.');
    expect(calls.map((c) => c.path)).toEqual(['/stakeholders/import?dry_run=true', '/stakeholders/import']);
  });
});
