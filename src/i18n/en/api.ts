import type { api as zh } from '../zh-CN/api.js';

// Errors of the inbound HR API (/api/v1), read by integrators and in logs.
export const api: Record<keyof typeof zh, string> = {
  'error.api_signature':
    'A valid request signature is required: X-Kaopu-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>, with a timestamp within five minutes.',
  'error.api_signature_replayed': 'This signature was already used: each is accepted once, so sign every request anew.',
  'error.api_batch_too_large': 'A batch holds at most {max} records; this one has {count}. Split it and send again.',
  'error.api_unknown_employee': 'No employee has the number or e-mail {employee}.',
  'error.api_unknown_team': 'No team has the code {team}.',
  'error.api_period_open': '{period} is not closed yet: the payroll export is only available for closed months.',
  'error.api_unavailable': 'The database is unavailable right now; nothing of this batch was stored. Try again later.',
};
