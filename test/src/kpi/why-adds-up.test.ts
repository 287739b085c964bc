// Every figure and every deduction of the demo, recomputed from its "why" rows: the records a
// user is shown are exactly the ones that make the number on the card.
import { describe, expect, it } from 'vitest';
import { combineWhy, nightlyRecompute } from '../../../src/kpi/index.js';
import type { KpiInputs } from '../../../src/kpi/rules.js';
import { explainFigure, loadResultForWhy } from '../../../src/kpi/why.js';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY } from '../../helpers/test-db.js';

const app = await startTestApp();
await nightlyRecompute(app.kpi.context, TEST_TODAY);

describe('the "why" of every demo figure', () => {
  it('adds up to each metric value and each deduction count, in both demo months', async () => {
    const results = await app.db.kpiResult.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    expect(results.length).toBeGreaterThan(10);
    const seen = new Set<string>();
    const mismatches: string[] = [];
    for (const { id } of results) {
      const result = await loadResultForWhy(app.db, id);
      if (!result) throw new Error(id);
      const inputs = result.inputs as unknown as KpiInputs;
      for (const m of inputs.metrics) {
        if (m.value === null) continue;
        const figure = await explainFigure(app.db, app.kpi.metrics, result, m.metric);
        const recomputed = figure ? combineWhy(figure.list) : null;
        if (recomputed !== m.value)
          mismatches.push(`${result.period} ${result.employeeId} ${m.metric}: ${m.value} ≠ ${recomputed}`);
        seen.add(m.metric);
      }
      for (const d of [...inputs.deductions, ...inputs.bonuses]) {
        if (d.count === 0) continue;
        const figure = await explainFigure(app.db, app.kpi.metrics, result, d.rule);
        const recomputed = figure ? combineWhy(figure.list) : null;
        if (recomputed === null || Math.round(recomputed) !== d.count) {
          mismatches.push(`${result.period} ${result.employeeId} rule ${d.rule}: ${d.count} ≠ ${recomputed}`);
        }
        seen.add(`rule ${d.rule}`);
      }
    }
    expect(mismatches).toEqual([]);
    // the demo exercises every family: SLAs, first-time fix, surveys, attendance, errors, sales
    for (const code of ['wo_response_sla', 'wo_arrival_sla', 'wo_resolution_rate', 'csat_avg', 'revenue']) {
      expect(seen, code).toContain(code);
    }
    expect([...seen].some((s) => s.startsWith('rule '))).toBe(true);
  });
});
