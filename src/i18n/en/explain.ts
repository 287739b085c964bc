import type { explain as zh } from '../zh-CN/explain.js';

export const explain: Record<keyof typeof zh, string> = {
  'period.invalid_month':
    '"{input}" has no such month: months run from 1 to 12. For example 2026-10, 10月 or "last month".',
  'period.invalid_year':
    '"{input}" is outside the years Kaopu keeps ({from} to {to}). For example 2026-10 or "this month".',
  'period.invalid_digits': '"{input}" cannot be read as a month: write six digits (202610), or 2026-10.',
  'period.not_started': '{period} has not started yet, so there is nothing to export.',
};
