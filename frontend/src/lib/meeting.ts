// The Log a meeting form's rows and the one request they become.

import { splitList, toRFC3339 } from './dates';
import type { StakeholderRef } from './types';

export interface ConcernRow {
  key: number;
  title: string;
  topic: string;
  severity: string;
  description: string;
  stakeholderId: string; // '' = the meeting's only stakeholder
  confidential: boolean;
}

export interface CommitmentRow {
  key: number;
  title: string;
  concernKey: number | null; // the concern row it answers
  stakeholderId: string; // '' = the concern's stakeholder, or the meeting's only one
  ownerId: string;
  dueOn: string;
  shared: boolean;
}

export interface MeetingForm {
  title: string;
  heldAt: string; // datetime-local
  format: string;
  stakeholders: StakeholderRef[];
  summary: string;
  location: string;
  engagementLevel: string;
  topics: string;
  concerns: ConcernRow[];
  commitments: CommitmentRow[];
}

/** The stakeholder a concern row is raised by, as it will be stored. */
export function concernStakeholder(form: MeetingForm, row: ConcernRow): string {
  return row.stakeholderId || (form.stakeholders.length >= 1 ? form.stakeholders[0].id : '');
}

/** The stakeholder a commitment row is owed to, as it will be stored. */
export function commitmentStakeholder(form: MeetingForm, row: CommitmentRow): string {
  if (row.stakeholderId && form.stakeholders.some((s) => s.id === row.stakeholderId)) return row.stakeholderId;
  const concern = form.concerns.find((c) => c.key === row.concernKey);
  if (concern) return concernStakeholder(form, concern);
  return form.stakeholders[0]?.id ?? '';
}

const blank = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** The body of POST /dialogues: the whole meeting, rows in the order shown. */
export function meetingRequest(form: MeetingForm): Record<string, unknown> {
  const topics = splitList(form.topics);
  return {
    title: form.title.trim(),
    held_at: toRFC3339(form.heldAt),
    format: form.format,
    engagement_level: form.engagementLevel,
    stakeholder_ids: form.stakeholders.map((s) => s.id),
    summary: blank(form.summary),
    location: blank(form.location),
    topics: topics.length ? topics : undefined,
    concerns: form.concerns.map((c) => ({
      title: c.title.trim(),
      topic: blank(c.topic),
      severity: c.severity,
      description: blank(c.description),
      stakeholder_id: concernStakeholder(form, c) || undefined,
      confidential: c.confidential || undefined,
    })),
    commitments: form.commitments.map((m) => {
      const index = form.concerns.findIndex((c) => c.key === m.concernKey);
      return {
        title: m.title.trim(),
        concern_index: index >= 0 ? index : undefined,
        stakeholder_id: commitmentStakeholder(form, m) || undefined,
        owner_id: m.ownerId || undefined,
        due_on: m.dueOn || undefined,
        shared: m.shared,
      };
    }),
  };
}
