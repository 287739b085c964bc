// Reply privacy in the console: said in a group chat, `replies` is what the sender sees privately
// and the group's history is what everyone in the group sees.
import { describe, expect, it } from 'vitest';
import type { Card } from '../../../cards/card.js';
import { startTestApp } from '../../helpers/test-app.js';

const app = await startTestApp();

async function sayInGroup(groupId: string, userId: string, text: string, locale?: 'en') {
  const res = await app.server.inject({
    method: 'POST',
    url: '/console/api/messages',
    payload: { userId, groupId, text, ...(locale ? { locale } : {}) },
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Card[] }).replies;
}

async function groupSees(groupId: string): Promise<Card[]> {
  const res = await app.server.inject({ method: 'GET', url: `/console/api/groups/${groupId}/messages` });
  return (res.json() as { card: Card }[]).map((m) => m.card);
}

describe('console group chats', () => {
  it('gives the sender their KPI card privately and shows the group only a notice', async () => {
    const replies = await sayInGroup('gc_console_sales', 'emp_liming', 'kpi');

    expect(replies.map((c) => c.title)).toEqual([expect.stringContaining('2026-11')]);
    const seen = await groupSees('gc_console_sales');
    expect(seen.map((c) => c.text)).toEqual([expect.stringContaining('已私信发给你')]);
    expect(JSON.stringify(seen)).not.toContain('2026-11');
  });

  it('writes the notice in the language the sender asked in', async () => {
    await sayInGroup('gc_console_service', 'emp_liming', 'kpi', 'en');

    const [notice] = await groupSees('gc_console_service');
    expect(notice?.text).toContain("I've sent it to you privately");
  });

  it('answers help in the group for everyone, with nothing private', async () => {
    const replies = await sayInGroup('gc_console_aftersales', 'emp_liming', 'help');

    expect(replies).toEqual([]);
    expect((await groupSees('gc_console_aftersales')).map((c) => c.title)).toEqual(['考谱能帮你做什么']);
  });

  it('refuses a group that is not a console group chat with 404', async () => {
    const res = await app.server.inject({
      method: 'POST',
      url: '/console/api/messages',
      payload: { userId: 'emp_liming', groupId: 'gc_nowhere', text: 'kpi' },
    });
    expect(res.statusCode).toBe(404);
    expect(await app.db.inboundEvent.count({ where: { source: 'console' } })).toBe(3);
  });
});
