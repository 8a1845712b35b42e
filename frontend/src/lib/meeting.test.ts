import { describe, expect, it } from 'vitest';
import { meetingRequest, type MeetingForm } from './meeting';

const form = (over: Partial<MeetingForm> = {}): MeetingForm => ({
  title: ' Avondoverleg ', heldAt: '2026-03-01T19:30', format: 'meeting', stakeholders: [{ id: 's1', name: 'Bewoners' }],
  summary: '', location: '', engagementLevel: 'consult', topics: 'geluid, verkeer ', concerns: [], commitments: [], ...over,
});

describe('meetingRequest', () => {
  it('is the whole meeting in one body, commitments linked to concerns by index', () => {
    const body = meetingRequest(form({
      concerns: [
        { key: 4, title: 'Geluid', topic: 'geluid', severity: 'high', description: '', stakeholderId: '', confidential: false },
        { key: 9, title: 'Stof', topic: '', severity: 'low', description: '', stakeholderId: '', confidential: true },
      ],
      commitments: [{ key: 11, title: 'Meten', concernKey: 9, stakeholderId: '', ownerId: 'u1', dueOn: '2026-03-15', shared: true }],
    }));
    expect(body.title).toBe('Avondoverleg');
    expect(body.held_at).toBe(new Date('2026-03-01T19:30').toISOString());
    expect(body.topics).toEqual(['geluid', 'verkeer']);
    expect(body.stakeholder_ids).toEqual(['s1']);
    expect(body.concerns).toEqual([
      { title: 'Geluid', topic: 'geluid', severity: 'high', description: undefined, stakeholder_id: 's1', confidential: undefined },
      { title: 'Stof', topic: undefined, severity: 'low', description: undefined, stakeholder_id: 's1', confidential: true },
    ]);
    expect(body.commitments).toEqual([{ title: 'Meten', concern_index: 1, stakeholder_id: 's1', owner_id: 'u1', due_on: '2026-03-15', shared: true }]);
  });

  it("gives a commitment the stakeholder of the concern it answers", () => {
    const body = meetingRequest(form({
      stakeholders: [{ id: 's1', name: 'A' }, { id: 's2', name: 'B' }],
      concerns: [{ key: 1, title: 'c', topic: '', severity: 'medium', description: '', stakeholderId: 's2', confidential: false }],
      commitments: [{ key: 2, title: 'm', concernKey: 1, stakeholderId: '', ownerId: '', dueOn: '', shared: false }],
    }));
    expect((body.commitments as { stakeholder_id: string }[])[0].stakeholder_id).toBe('s2');
  });
});
