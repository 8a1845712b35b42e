// The shapes the API answers (see api/*.go). Only what the app reads is typed.

export type Role = 'admin' | 'officer' | 'director' | 'partner';
export type Locale = 'en' | 'nl';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  stakeholder_id: string | null;
  locale: Locale;
  active: boolean;
  deactivated_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface StakeholderRef {
  id: string;
  name: string;
}

export interface Me {
  user: User;
  stakeholder: StakeholderRef | null;
  csrf_token: string | null;
}

export interface Stakeholder {
  id: string;
  name: string;
  kind: string;
  category: string;
  influence: number;
  interest: number;
  stance: string;
  email: string;
  phone: string;
  website: string;
  address: string;
  country: string;
  tags: string[];
  owner_id: string | null;
  description: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface Contact {
  id: string;
  stakeholder_id: string;
  name: string;
  role: string;
  email: string;
  phone: string;
  notes: string;
  erased_at: string | null;
  version: number;
}

export interface Dialogue {
  id: string;
  title: string;
  held_at: string;
  format: string;
  purpose: string;
  engagement_level: string;
  location: string;
  summary: string;
  topics: string[];
  stakeholder_ids: string[];
  user_ids: string[];
  created_by: string | null;
  version: number;
}

export interface Concern {
  id: string;
  stakeholder_id: string | null;
  dialogue_id: string | null;
  title: string;
  description: string;
  topic: string;
  severity: string;
  status: string;
  response: string;
  decision: string;
  confidential: boolean;
  raised_at: string;
  acknowledged_at: string | null;
  responded_at: string | null;
  closed_at: string | null;
  version: number;
}

export interface Commitment {
  id: string;
  title: string;
  description: string;
  stakeholder_id: string;
  concern_id?: string | null;
  dialogue_id?: string | null;
  owner_id?: string | null;
  due_on: string;
  status: string;
  overdue: boolean;
  shared?: boolean;
  done_at: string | null;
  partner_verdict: 'accepted' | 'disputed' | null;
  verdict_reason: string;
  verdict_at: string | null;
  updated_at: string;
  version: number;
}

export interface CommitmentUpdate {
  id: string;
  commitment_id: string;
  author_id: string;
  author_name: string;
  from_partner: boolean;
  text: string;
  shared: boolean;
  created_at: string;
}

export interface AuditEvent {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  record_type: string;
  record_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface OwnerLoad {
  owner_id: string | null;
  owner_name: string;
  open: number;
  in_progress: number;
  overdue: number;
}

export interface TopicLoad {
  topic: string;
  by_severity: Record<string, number>;
  total: number;
}

export interface MonthResponsiveness {
  month: string;
  raised: number;
  median_days_to_acknowledge: number | null;
  median_days_to_respond: number | null;
}

export interface Overview {
  today: string;
  open_concerns: number;
  overdue_commitments: number;
  disputed_commitments: number;
  commitments_by_status: Record<string, number>;
  commitments_by_owner: OwnerLoad[];
  concerns_by_topic: TopicLoad[];
  responsiveness: MonthResponsiveness[];
  due_next: Commitment[];
}

export const FORMATS = ['meeting', 'workshop', 'call', 'site_visit', 'hearing', 'survey', 'email', 'online', 'other'] as const;
export const ENGAGEMENT_LEVELS = ['inform', 'consult', 'involve', 'collaborate', 'empower'] as const;
export const KINDS = ['organisation', 'group', 'person'] as const;
export const CATEGORIES = ['community', 'employee', 'customer', 'supplier', 'investor', 'government', 'ngo', 'media', 'academia', 'other'] as const;
export const STANCES = ['supportive', 'neutral', 'critical', 'unknown'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const CONCERN_STATUSES = ['open', 'acknowledged', 'responded', 'closed'] as const;
export const COMMITMENT_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const ROLES = ['admin', 'officer', 'director', 'partner'] as const;

export interface GroupFigures {
  category: string;
  stakeholders: number;
  dialogues: number;
  dialogues_by_format: Record<string, number>;
}

export interface SeverityResponsiveness {
  severity: string;
  concerns: number;
  median_days_to_acknowledge: number | null;
  median_days_to_respond: number | null;
}

export interface KeyConcern {
  id: string;
  title: string;
  topic: string;
  severity: string;
  status: string;
  stakeholder_name: string | null;
  raised_on: string;
  response: string;
  decision: string;
}

export interface CommitmentTally {
  made: number;
  kept: number;
  open: number;
  overdue: number;
  cancelled: number;
  accepted: number;
  disputed: number;
  shared_made: number;
}

export interface EngagementReport {
  from: string;
  to: string;
  dialogue_count: number;
  stakeholders_engaged: number;
  stakeholder_groups: GroupFigures[];
  dialogues_by_format: Record<string, number>;
  dialogues_by_engagement_level: Record<string, number>;
  concern_count: number;
  concerns_by_topic: TopicLoad[];
  concerns_by_status: Record<string, number>;
  responsiveness_by_severity: SeverityResponsiveness[];
  key_concerns: KeyConcern[];
  commitments: CommitmentTally;
}

export interface MaterialTopic {
  topic: string;
  concerns: number;
  stakeholders: number;
  influence_weight: number;
  mean_severity: number;
  max_severity: string;
  open_concerns: number;
}

export interface ImportDuplicate {
  row: number;
  field: string;
  value: string;
  existing_id: string | null;
  message: string;
}

export interface ImportResult {
  dry_run: boolean;
  imported: boolean;
  rows: number;
  stakeholders_created: number;
  contacts_created: number;
  duplicates: ImportDuplicate[];
  errors_truncated?: boolean;
}

export interface CalendarFeed {
  active: boolean;
  created_at: string | null;
  url?: string;
}
