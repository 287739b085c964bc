// Finding names: lists of departments and teams per role, pinyin and partial names with
// suggestions, and a manager's polite refusal for a team that is not theirs.
import { describe, expect, it } from 'vitest';
import type { Card } from '../../../cards/card.js';
import { closestNames, nameScore } from '../../../src/shared/index.js';
import { insertKpiResult } from '../../fixtures/kpi-results.js';
import { startTestApp } from '../../helpers/test-app.js';

const app = await startTestApp();
await insertKpiResult(app.db, { employeeId: 'emp_liming', period: '2026-10', totalScore: 91.5, band: 'A' });

async function say(userId: string, text: string): Promise<Card> {
  const res = await app.server.inject({ method: 'POST', url: '/console/api/messages', payload: { userId, text } });
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Card[] }).replies[0] as Card;
}

const tableColumn = (card: Card) => {
  const table = card.blocks.find((b) => b.type === 'table');
  return table?.type === 'table' ? table.rows.map((r) => r[0]) : [];
};

describe('name matching', () => {
  it('finds Chinese names by pinyin, initials, a part and a near miss', () => {
    expect(nameScore('liming', '李明')).toBe(0);
    expect(nameScore('LiMing', '李明')).toBe(0);
    expect(nameScore('lm', '李明')).toBe(1);
    expect(nameScore('李', '李明')).toBe(2);
    expect(nameScore('limin', '李明')).not.toBeNull();
    expect(nameScore('wangfang', '李明')).toBeNull();
    const people = [{ name: '李明' }, { name: '黎敏' }, { name: '张伟' }, { name: 'Daniel Wu' }];
    expect(closestNames('liming', people).map((p) => p.name)).toContain('李明');
    expect(closestNames('daniel', people).map((p) => p.name)).toEqual(['Daniel Wu']);
  });
});

describe('departments and teams', () => {
  it('lists every department and team to HR', async () => {
    expect(tableColumn(await say('emp_malin', '部门列表'))).toEqual(
      expect.arrayContaining(['售后服务部', '华东销售部', '客户服务中心', '人力资源部']),
    );
    const teams = await say('emp_malin', 'teams');
    expect(tableColumn(teams)).toEqual(expect.arrayContaining(['新能源售后一组', '杭州外勤销售组', '成都客服一组']));
  });

  it('lists only a manager’s own teams and departments', async () => {
    expect(tableColumn(await say('emp_wangjianguo', '团队列表'))).toEqual(['新能源售后一组']);
    expect(tableColumn(await say('emp_wangjianguo', 'departments'))).toEqual(['售后服务部']);
  });

  it('refuses a manager another team’s board politely, naming theirs, and audits it', async () => {
    const card = await say('emp_wangjianguo', 'team 杭州外勤销售组');
    expect(card.text).toContain('“杭州外勤销售组”不是您负责的团队，只能查看您负责的团队：新能源售后一组');
    const audit = await app.db.auditLog.count({ where: { actorId: 'emp_wangjianguo', action: 'kpi.team.refused' } });
    expect(audit).toBe(1);
  });

  it('suggests the closest teams for a name HR mistyped, by pinyin', async () => {
    const card = await say('emp_malin', 'team xinnengyuan');
    expect(card.text).toContain('您要找的是不是：新能源售后一组');
  });
});

describe('people and departments in reports', () => {
  it('finds 李明 by pinyin', async () => {
    const card = await say('emp_malin', 'report person liming 2026-10');
    expect(card.title).toBe('李明 · 2026-10 绩效报表');
  });

  it('suggests people for part of a name', async () => {
    const card = await say('emp_malin', 'report person 李 2026-10');
    expect(card.text).toMatch(/找不到员工“李”。您要找的是不是：.*李明（KP\d+）/);
  });

  it('suggests the department of a team named in a department report', async () => {
    const card = await say('emp_malin', 'report dept 新能源售后一组 2026-10');
    expect(card.text).toContain('找不到部门“新能源售后一组”。您要找的是不是：售后服务部');
  });
});
