// The demo's stand-in systems, pulled over real HTTP by the real connector code: work orders,
// deals and tickets arrive, and later in the day the same work orders complete.
import { describe, expect, it } from 'vitest';
import { CONNECTOR_RUNTIME } from '../../../src/connectors/index.js';
import { connectDemoSources, demoStandIns } from '../../../src/demo/stand-ins/index.js';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY } from '../../helpers/test-db.js';

let clock = TEST_TODAY; // 12:00 in Shanghai
const app = await startTestApp({ extraFeatures: [demoStandIns], now: () => clock });
await app.server.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const runtime = app.kit.services.get(CONNECTOR_RUNTIME);
if (!runtime) throw new Error('connectors feature not installed');

const fieldOps = () => app.db.workOrder.findMany({ where: { source: 'demo-fieldops' } });

describe('demo stand-in systems as generic REST sources', () => {
  it('registers three sources and pulls each through paging, mapping and the record functions', async () => {
    expect(await connectDemoSources(app.db, origin)).toEqual(['demo-fieldops', 'demo-crm', 'demo-helpdesk']);
    for (const code of ['demo-fieldops', 'demo-crm', 'demo-helpdesk']) {
      const result = await runtime.run(code, 'schedule');
      expect(result, code).toMatchObject({ status: 'ok', rejected: 0 });
      if (result.status === 'ok') {
        expect(result.created, code).toBeGreaterThan(0);
        expect(result.pages, code).toBeGreaterThan(1);
      }
    }
    const orders = await fieldOps();
    expect(orders.length).toBeGreaterThanOrEqual(8);
    expect(orders.every((o) => o.assigneeId !== null)).toBe(true);
    expect(orders.some((o) => o.status === 'COMPLETED')).toBe(true);
    expect(orders.some((o) => o.status !== 'COMPLETED')).toBe(true);
    expect(await app.db.crmOrder.count({ where: { source: 'demo-crm', amountCents: { gt: 0 } } })).toBeGreaterThan(0);
    expect(await app.db.helpdeskTicket.count({ where: { source: 'demo-helpdesk' } })).toBeGreaterThan(0);
  });

  it('three hours later new work orders have arrived and the open ones have completed', async () => {
    const open = (await fieldOps()).filter((o) => o.status !== 'COMPLETED').map((o) => o.externalId);
    const before = (await fieldOps()).length;
    clock = new Date(TEST_TODAY.getTime() + 3 * 3_600_000);
    const result = await runtime.run('demo-fieldops', 'schedule');
    expect(result).toMatchObject({ status: 'ok', rejected: 0 });
    const after = await fieldOps();
    expect(after.length).toBeGreaterThan(before);
    const completed = after.filter((o) => open.includes(o.externalId) && o.status === 'COMPLETED');
    expect(completed.length).toBeGreaterThan(0);
    // The sync card shows the runs.
    const res = await app.server.inject({
      method: 'POST',
      url: '/console/api/messages',
      payload: { userId: 'emp_malin', text: 'sync' },
    });
    const card = (res.json() as { replies: { text: string }[] }).replies[0];
    expect(card?.text).toContain('demo-fieldops');
    expect(card?.text).toContain('demo-helpdesk');
  });
});
