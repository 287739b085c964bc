// HR edits KPI weights through the form, driven through the console API as the browser does.
import { describe, expect, it } from 'vitest';
import type { Card, FormBlock } from '../../cards/card.js';
import { cardButtons, formValue } from '../../cards/card.js';
import { startTestApp } from '../helpers/test-app.js';

const app = await startTestApp();
const MODEL = 'aftersales_engineer';

async function post(url: string, payload: Record<string, unknown>): Promise<Card> {
  const res = await app.server.inject({ method: 'POST', url, payload });
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Card[] }).replies[0] as Card;
}

const say = (userId: string, text: string) => post('/console/api/messages', { userId, text });
const press = (userId: string, actionId: string, value?: string) =>
  post('/console/api/actions', { userId, actionId, value });

async function openForm(): Promise<FormBlock> {
  const weights = await say('emp_malin', `kpi weights ${MODEL} 2026-11`);
  const edit = cardButtons(weights).find((b) => 'actionId' in b && b.actionId === 'kpi.weights.edit');
  if (!edit || !('actionId' in edit)) throw new Error('no Edit weights button');
  const card = await press('emp_malin', edit.actionId, edit.value);
  const form = card.blocks.find((b): b is FormBlock => b.type === 'form');
  if (!form) throw new Error('no form on the edit card');
  return form;
}

/** The form's initial values with `shift` points moved from the second metric to the first. */
function moved(form: FormBlock, shift: number, reason: string): Record<string, string> {
  const metrics = form.fields.filter((f) => f.kind === 'number');
  const first = metrics[0];
  const second = metrics[1];
  const fields = Object.fromEntries(metrics.map((f) => [f.id, f.initial ?? '']));
  if (!first || !second) throw new Error('form without metrics');
  fields[first.id] = String(Number(first.initial) + shift);
  fields[second.id] = String(Number(second.initial) - shift);
  return { ...fields, reason };
}

const versions = () => app.db.kpiModelVersion.count({ where: { model: { code: MODEL }, period: '2026-11' } });

describe('editing KPI weights through the form', () => {
  it('prefills one number per metric from the model in force and asks for a reason', async () => {
    const form = await openForm();
    expect(form.submit).toEqual({ actionId: 'kpi.weights.save', label: '保存', value: `${MODEL} 2026-11` });
    const numbers = form.fields.filter((f) => f.kind === 'number');
    expect(numbers.reduce((s, f) => s + Number(f.initial), 0)).toBe(100);
    expect(form.fields.at(-1)).toMatchObject({ id: 'reason', kind: 'text', required: true });
  });

  it('refuses weights that do not total 100 with a clear card and saves nothing', async () => {
    const form = await openForm();
    const fields = moved(form, 0, '试一下');
    const first = form.fields[0];
    if (!first) throw new Error('empty form');
    fields[first.id] = String(Number(first.initial) + 5);
    const card = await press('emp_malin', 'kpi.weights.save', formValue(form.submit.value, fields));
    expect(card.tone).toBe('warning');
    expect(card.text).toContain('权重合计为 105%，必须等于 100%。');
    expect(await versions()).toBe(0);
  });

  it('refuses an employee with an audit row and saves nothing', async () => {
    const form = await openForm();
    const card = await press('emp_liming', 'kpi.weights.save', formValue(form.submit.value, moved(form, 5, '越权')));
    expect(card.tone).toBe('warning');
    expect(
      await app.db.auditLog.count({
        where: { actorId: 'emp_liming', action: 'bot.refused', subjectId: 'kpi.weights.save' },
      }),
    ).toBe(1);
    expect(await versions()).toBe(0);
  });

  it('answers a submission it cannot read with a card asking to open the form again', async () => {
    const card = await press('emp_malin', 'kpi.weights.save', '{"value":"nope","fields":{}}');
    expect(card.text).toContain('表单内容无法识别');
    expect(await versions()).toBe(0);
  });

  it('saves HR weights as a new version for the period with an audit row, like the command', async () => {
    const form = await openForm();
    const fields = moved(form, 5, '客户体验优先');
    const card = await press('emp_malin', 'kpi.weights.save', formValue(form.submit.value, fields));
    expect(card.text).toContain('已保存为 2026-11 第 1 版');
    const saved = await app.db.kpiModelVersion.findFirstOrThrow({
      where: { model: { code: MODEL }, period: '2026-11' },
    });
    expect(saved.createdById).toBe('emp_malin');
    const definition = saved.definition as unknown as { metrics: { metric: string; weight: number }[] };
    const numbers = form.fields.filter((f) => f.kind === 'number');
    expect(definition.metrics.map((m) => [m.metric, String(m.weight)])).toEqual(
      numbers.map((f) => [f.id, fields[f.id]]),
    );
    const audit = await app.db.auditLog.findFirstOrThrow({
      where: { actorId: 'emp_malin', action: 'kpi.weights.changed' },
    });
    expect(audit.subjectId).toBe(saved.id);
    expect(audit.details).toMatchObject({ model: MODEL, period: '2026-11', reason: '客户体验优先' });
  });
});
