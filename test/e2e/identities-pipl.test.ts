import { describe, expect, it } from 'vitest';
import type { Card } from '../../cards/card.js';
import { cardButtons } from '../../cards/card.js';
import { nightlyRecompute } from '../../src/kpi/index.js';
import { startTestApp } from '../helpers/test-app.js';
import { TEST_TODAY } from '../helpers/test-db.js';

const app = await startTestApp();
await nightlyRecompute(app.kpi.context, TEST_TODAY);

async function say(userId: string, text: string): Promise<Card> {
  const res = await app.server.inject({
    method: 'POST',
    url: '/console/api/messages',
    payload: { userId, text, locale: 'en' },
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Card[] }).replies[0] as Card;
}

describe('personal data (PIPL)', () => {
  it('exports everything held about a person as a file, audited', async () => {
    const card = await say('emp_malin', 'pipl export 李明');
    expect(card.title).toBe('Personal data of 李明');
    const button = cardButtons(card).find((b) => 'url' in b);
    const res = await app.server.inject({
      method: 'GET',
      url: new URL(button && 'url' in button ? button.url : '').pathname,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const data = res.json() as {
      exportedBy: string;
      employee: { name: string; email: string; identities: unknown[]; checkIns: unknown[]; kpiResults: unknown[] };
      auditLog: { action: string }[];
    };
    expect(data.exportedBy).toBe('emp_malin');
    expect(data.employee.name).toBe('李明');
    expect(data.employee.email).toBe('liming@kaopu-demo.example');
    expect(data.employee.identities).toHaveLength(3);
    expect(data.employee.checkIns).toHaveLength(await app.db.checkIn.count({ where: { employeeId: 'emp_liming' } }));
    expect(data.employee.kpiResults.length).toBeGreaterThan(0);
    const audit = await app.db.auditLog.findFirstOrThrow({ where: { action: 'pipl.exported' } });
    expect(audit).toMatchObject({ actorId: 'emp_malin', subjectId: 'emp_liming' });
    // HR only
    expect((await say('emp_liming', 'pipl export 李明')).text).toContain('cannot use "pipl"');
  });

  it('erases a leaver only after the retention, keeping anonymised history for aggregates', async () => {
    expect((await say('emp_malin', 'pipl erase 赵磊')).text).toContain('has not left');
    await say('emp_malin', 'leaver 赵磊 2025-06-30');
    expect((await say('emp_malin', 'pipl erase 赵磊')).text).toContain('erasable from 2027-06-30');

    await say('emp_malin', 'leaver 吴昊 2024-03-31');
    const results = await app.db.kpiResult.count({ where: { employeeId: 'emp_wuhao' } });
    expect(results).toBeGreaterThan(0);
    const erased = await say('emp_malin', 'pipl erase 吴昊');
    expect(erased.text).toMatch(/Erased 吴昊's personal data\. Their history stays anonymised as ERASED-[0-9a-f]{10}/);

    const row = await app.db.employee.findUniqueOrThrow({ where: { id: 'emp_wuhao' } });
    expect(row.name).toMatch(/^ERASED-/);
    expect(row.email).toBeNull();
    expect(await app.db.chatIdentity.count({ where: { employeeId: 'emp_wuhao' } })).toBe(0);
    expect(await app.db.checkIn.count({ where: { employeeId: 'emp_wuhao', lat: { not: null } } })).toBe(0);
    expect(await app.db.kpiResult.count({ where: { employeeId: 'emp_wuhao' } })).toBe(results);
    expect((await say('emp_malin', 'whois 吴昊')).text).toContain('Nobody matches');
    const audit = await app.db.auditLog.findMany({ where: { action: { in: ['pipl.erased', 'pipl.erase_refused'] } } });
    expect(audit.map((a) => a.action).sort()).toEqual(['pipl.erase_refused', 'pipl.erase_refused', 'pipl.erased']);
  });

  it("erases the demo company's long-gone leaver; the one who left last month is refused by the bot", async () => {
    expect((await say('emp_malin', 'pipl erase 周晓离')).text).toContain("Erased 周晓离's personal data");
    const refused = await app.bot.respond({
      id: 'ev-demo-leaver',
      platform: 'wecom',
      user: { platformUserId: 'qianmoyue' },
      conversation: { kind: 'dm', id: 'qianmoyue' },
      replyTo: { kind: 'user', userId: 'qianmoyue' },
      payload: { kind: 'text', text: 'kpi' },
      receivedAt: TEST_TODAY,
    });
    expect(refused.cards[0]?.title).toBe('你的账号已停用');
    const conflicts = await say('emp_malin', 'directory');
    expect(conflicts.text).toContain('张伟 (zhangw2)');
  });
});
