import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n.svelte';
import type { EngagementReport, MaterialTopic } from '../lib/types';
import { fakeApi } from '../test/fetch';
import Report from './Report.svelte';

const report: EngagementReport = {
  from: '2025-11-28', to: '2026-11-27', dialogue_count: 17, stakeholders_engaged: 9,
  stakeholder_groups: [{ category: 'community', stakeholders: 4, dialogues: 11, dialogues_by_format: { meeting: 8, site_visit: 3 } }],
  dialogues_by_format: { meeting: 8, site_visit: 3, workshop: 6 },
  dialogues_by_engagement_level: { consult: 10, involve: 7 },
  concern_count: 23,
  concerns_by_topic: [{ topic: 'noise', by_severity: { high: 3, medium: 2 }, total: 5 }],
  concerns_by_status: { open: 4, acknowledged: 5, responded: 6, closed: 8 },
  responsiveness_by_severity: [
    { severity: 'high', concerns: 7, median_days_to_acknowledge: 2.5, median_days_to_respond: 12 },
    { severity: 'low', concerns: 2, median_days_to_acknowledge: null, median_days_to_respond: null },
  ],
  key_concerns: [
    { id: 'k1', title: 'Night-time lorries', topic: 'noise', severity: 'high', status: 'responded', stakeholder_name: null, raised_on: '2026-03-02', response: 'Deliveries moved to daytime.', decision: '' },
  ],
  commitments: { made: 31, kept: 19, open: 8, overdue: 3, cancelled: 1, accepted: 6, disputed: 2, shared_made: 12 },
};
const topics: MaterialTopic[] = [
  { topic: 'noise', concerns: 5, stakeholders: 3, influence_weight: 11, mean_severity: 2.6, max_severity: 'high', open_concerns: 2 },
  { topic: 'traffic', concerns: 2, stakeholders: 2, influence_weight: 4, mean_severity: 1.5, max_severity: 'medium', open_concerns: 0 },
];

describe('the engagement report', () => {
  beforeEach(() => i18n.set('en'));

  it('shows the figures of the period, the key concerns and the materiality of each topic', async () => {
    const { calls } = fakeApi({
      'GET /reports/engagement': { body: report },
      'GET /reports/materiality': { body: { items: topics } },
    });
    render(Report);
    await screen.findByText('Dialogues held');
    expect(calls[0].path).toMatch(/^\/reports\/engagement\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d$/);
    const kpi = (name: string) => screen.getByText(name).previousElementSibling?.textContent;
    expect(kpi('Dialogues held')).toBe('17');
    expect(kpi('Stakeholders engaged')).toBe('9');
    expect(kpi('Concerns raised')).toBe('23');
    expect(kpi('Commitments made')).toBe('31');

    const groups = screen.getByRole('region', { name: 'Stakeholder groups engaged' });
    expect(within(groups).getByRole('row', { name: /Community\s*4\s*11/ })).toBeTruthy();
    const commitments = screen.getByRole('region', { name: 'Commitments' });
    expect(within(commitments).getByText('Kept').nextElementSibling?.textContent).toBe('19');
    expect(within(commitments).getByText('Disputed by the stakeholder')).toBeTruthy();
    const formats = screen.getByRole('region', { name: 'Dialogues by format' });
    expect(within(formats).getByText('Site visit')).toBeTruthy();
    const resp = screen.getByRole('region', { name: 'Days to acknowledge and to respond, by severity' });
    expect(within(resp).getByText('2.5 days')).toBeTruthy();
    expect(within(resp).getAllByText('none yet')).toHaveLength(2);

    const key = screen.getByRole('region', { name: 'Key concerns and our responses' });
    expect(within(key).getByText('Night-time lorries')).toBeTruthy();
    expect(within(key).getByText('Confidential')).toBeTruthy();
    expect(within(key).getByText('Deliveries moved to daytime.')).toBeTruthy();

    const mat = screen.getByRole('region', { name: 'Materiality' });
    expect(within(mat).getByRole('img', { name: 'Topics by stakeholder influence and severity' })).toBeTruthy();
    expect(within(mat).getByRole('row', { name: /traffic 4 1.5 2 2 Medium 0/ })).toBeTruthy();
  });

  it('refuses a period that ends before it starts, without asking the server', async () => {
    const { calls } = fakeApi({ 'GET /reports/engagement': { body: report }, 'GET /reports/materiality': { body: { items: [] } } });
    render(Report);
    await screen.findByText('Dialogues held');
    await fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-12-01' } });
    await fireEvent.input(screen.getByLabelText('To'), { target: { value: '2026-01-01' } });
    await fireEvent.submit(screen.getByRole('form', { name: 'Period' }));
    await screen.findByText('The start of the period must come before its end.');
    expect(calls).toHaveLength(2);
  });
});
