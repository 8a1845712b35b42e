import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n.svelte';
import GridChart from './GridChart.svelte';

describe('the power/interest grid', () => {
  it('has one link per stakeholder that says where it sits and opens it', () => {
    i18n.set('en');
    render(GridChart, {
      props: {
        items: [
          { id: 'a', name: 'Gemeente', influence: 5, interest: 4, stance: 'neutral' },
          { id: 'b', name: 'Bewoners', influence: 2, interest: 5, stance: 'critical' },
          { id: 'c', name: 'Buren', influence: 2, interest: 5, stance: 'supportive' },
        ],
      },
    });
    const link = screen.getByRole('link', { name: 'Bewoners: influence 2, interest 5, Critical' });
    expect(link.getAttribute('href')).toBe('/stakeholders/b');
    expect(screen.getAllByRole('link')).toHaveLength(3);
    // two in one cell do not sit on top of each other
    const [, b, c] = [...document.querySelectorAll('circle')].map((el) => `${el.getAttribute('cx')},${el.getAttribute('cy')}`);
    expect(b).not.toBe(c);
  });
});
