// The demo on first start: the alert scan over the seeded company (plus the alert scenario main.ts
// adds) puts a late streak, a low survey answer and an SLA breach into the after-sales group chat.
import { expect, it } from 'vitest';
import type { Card } from '../../cards/card.js';
import { ALERTS_RUNTIME } from '../../src/alerts/index.js';
import { seedAlertScenario } from '../../src/demo/alert-scenario.js';
import { startTestApp } from '../helpers/test-app.js';
import { TEST_TODAY } from '../helpers/test-db.js';

const app = await startTestApp();

it('posts a late streak, a low survey answer and an SLA breach to the demo group chat', async () => {
  await seedAlertScenario(app.db, TEST_TODAY);
  const runtime = app.kit.services.get(ALERTS_RUNTIME);
  expect(await app.scheduler.runNow('alerts.scan', TEST_TODAY)).toBe('ran');
  await runtime?.engine.pump();
  await app.outbox.drain();
  const res = await app.server.inject({ method: 'GET', url: '/console/api/groups/gc_console_aftersales/messages' });
  const texts = (res.json() as { card: Card }[]).map((m) => m.card.text);
  expect(texts.find((t) => t.startsWith('【严重】工单超时'))).toContain('电池包高压绝缘故障');
  expect(texts.find((t) => t.startsWith('【警告】连续迟到'))).toContain('赵磊');
  expect(texts.filter((t) => t.startsWith('【警告】满意度低分')).join()).toContain('张伟');
  // A second scan finds the same conditions still open: nothing new is posted.
  const before = texts.length;
  expect(await runtime?.scan()).toBe(0);
  await runtime?.engine.pump();
  await app.outbox.drain();
  const again = await app.server.inject({ method: 'GET', url: '/console/api/groups/gc_console_aftersales/messages' });
  expect((again.json() as unknown[]).length).toBe(before);
});
