// Turns the API's field errors into messages for people, in their language,
// keyed by the field's path in the request ("concerns[1].title").

import { ApiError, type FieldError } from './api';
import { t } from './i18n.svelte';

const patterns: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^is required before a concern is marked/, () => t('err.responseFirst')],
  [/^is required for a partner/, () => t('err.partnerStakeholder')],
  [/^is required$/, () => t('err.required')],
  [/^must be at most (\d+) (characters|bytes)$/, (m) => t('err.maxChars', { n: Number(m[1]) })],
  [/^must be at least (\d+) characters$/, (m) => t('err.minChars', { n: Number(m[1]) })],
  [/^must be an email address$/, () => t('err.email')],
  [/^must be between 1 and 5$/, () => t('err.scale')],
  [/^must be one of /, () => t('err.oneOf')],
  [/^must be a real date/, () => t('err.date')],
  [/^must be a time in RFC 3339/, () => t('err.time')],
  [/^must name at least one stakeholder/, () => t('err.stakeholders')],
  [/^must have at least 1 items?$/, () => t('err.stakeholders')],
  [/^concern_index must point at/, () => t('err.concernIndex')],
  [/^must point at one of this meeting/, () => t('err.concernIndex')],
  [/^must be a UUID$/, () => t('err.uuid')],
  [/^is not your current password$/, () => t('err.currentPassword')],
  [/^cannot go back from/, () => t('err.goBack')],
  [/^is only for partners$/, () => t('err.onlyPartners')],
];

/** The message of one field error, without the field's own name in front. */
export function fieldMessage(e: FieldError): string {
  let rest = e.message;
  if (rest.startsWith(e.field + ' ')) rest = rest.slice(e.field.length + 1);
  for (const [re, fn] of patterns) {
    const m = rest.match(re);
    if (m) return fn(m);
  }
  return rest.charAt(0).toUpperCase() + rest.slice(1) + (/[.!?]$/.test(rest) ? '' : '.');
}

export type FieldErrors = Record<string, string>;

/** Field path → message, for every field error in err; empty for other errors. */
export function fieldErrors(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (err instanceof ApiError) {
    for (const f of err.fields) {
      if (!(f.field in out)) out[f.field] = fieldMessage(f);
    }
  }
  return out;
}

/** One sentence for an error that is not about a field. */
export function errorMessage(err: unknown): string {
  if (!(err instanceof ApiError)) return t('app.error', { detail: String(err) });
  if (err.status === 0) return t('app.offline');
  if (err.status === 403) return t('app.forbidden');
  if (err.status === 404) return t('app.notFoundRecord');
  if (err.status === 412) return t('app.stale');
  if (err.status === 422 && err.fields.length > 0) return t('app.fixErrors');
  if (err.status === 409 && /last active admin/.test(err.detail)) return t('err.lastAdmin');
  if (err.status === 409) return t('err.conflict', { detail: err.detail });
  return t('app.error', { detail: err.detail || err.title });
}
