// The metric registry the KPI engine reads: features register families over their own tables.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMetricFamilies } from '../../../src/default-metric-families.js';
import { createMetricRegistry, grouped, type MetricFamily, type MetricSpec } from '../../../src/kpi/index.js';
import { ROOT } from '../../helpers/test-db.js';

const metric = (code: string, recordType = 'Widget', o: Partial<MetricSpec> = {}): MetricSpec => ({
  code,
  unit: 'count',
  recordType,
  volume: true,
  empty: 'zero',
  sql: (d, w) => grouped({ table: recordType, employee: '"employeeId"', time: '"at"', value: 'COUNT(*)' }, d, w),
  why: async () => ({ combine: 'sum', rows: [] }),
  ...o,
});
const family = (name: string, metrics: MetricSpec[], records = ['Widget']): MetricFamily => ({
  name,
  records,
  metrics,
});

describe('createMetricRegistry', () => {
  it('serves the metrics, countable codes and owning family of every registered family', () => {
    const registry = createMetricRegistry([family('widgets', [metric('widgets_made', 'Widget', { countable: true })])]);
    registry.register(family('gadgets', [metric('gadget_hours', 'Gadget')], ['Gadget']));
    expect([...registry.codes()].sort()).toEqual(['gadget_hours', 'widgets_made']);
    expect([...registry.countable()]).toEqual(['widgets_made']);
    expect(registry.familyOf('gadget_hours')?.name).toBe('gadgets');
    expect(registry.spec('widgets_made').recordType).toBe('Widget');
    expect(registry.get('nope')).toBeUndefined();
    expect(() => registry.spec('nope')).toThrow('unknown metric nope');
  });

  it('refuses a metric code another family already registered, keeping the first', () => {
    const registry = createMetricRegistry([family('widgets', [metric('made')])]);
    expect(() => registry.register(family('other', [metric('made')]))).toThrow(
      'metric made of other is already registered by widgets',
    );
    expect(registry.families().map((f) => f.name)).toEqual(['widgets']);
  });

  it('refuses a family registered twice and a metric over a record kind its family does not list', () => {
    const registry = createMetricRegistry([family('widgets', [metric('made')])]);
    expect(() => registry.register(family('widgets', [metric('other')]))).toThrow('registered twice');
    expect(() => registry.register(family('gadgets', [metric('gadgets', 'Gadget')]))).toThrow(
      'metric gadgets counts Gadget, which family gadgets does not list',
    );
    expect(registry.get('gadgets')).toBeUndefined();
  });

  it('registers the shipped families with each metric owned by the feature owning its table', () => {
    const registry = createMetricRegistry(defaultMetricFamilies);
    const owner = (code: string) => registry.familyOf(code)?.name;
    expect(registry.codes().size).toBe(28);
    expect([owner('late_count'), owner('absent_days'), owner('visits'), owner('overtime_hours')]).toEqual([
      'attendance',
      'attendance',
      'attendance',
      'attendance',
    ]);
    expect([owner('csat_avg'), owner('nps'), owner('complaints'), owner('repeat_complaints')]).toEqual([
      'surveys',
      'surveys',
      'surveys',
      'surveys',
    ]);
    expect([owner('errors_major'), owner('wo_points'), owner('tickets_handled'), owner('revenue')]).toEqual([
      'quality',
      'work-orders',
      'helpdesk',
      'crm',
    ]);
    expect(owner('training_hours')).toBe('training');
  });
});

describe('the KPI engine', () => {
  it('imports no feature that owns a metric family', () => {
    const dir = join(ROOT, 'src/kpi');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const owners = defaultMetricFamilies.map((f) => f.name);
    const offending = files.filter((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return owners.some((o) => new RegExp(`from '(\\.\\./)+${o}/`).test(text));
    });
    expect(files.length).toBeGreaterThan(10);
    expect(offending).toEqual([]);
  });
});
