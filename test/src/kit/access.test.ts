// kit.access: employees see themselves, managers their teams and everyone down their reporting
// line, HR and admins everyone.
import { describe, expect, it } from 'vitest';
import type { Card } from '../../../cards/card.js';
import { startTestApp } from '../../helpers/test-app.js';

const app = await startTestApp();
const { access } = app.kit;
const employee = { id: 'emp_liming', role: 'EMPLOYEE' } as const;
const manager = { id: 'emp_wangjianguo', role: 'MANAGER' } as const;
const hr = { id: 'emp_malin', role: 'HR' } as const;

// A head of service above 王建国, and a field engineer in another team who reports to 王建国.
await app.db.employee.create({
  data: { id: 'emp_head', employeeNo: 'T-HEAD', name: 'Head of Service', role: 'MANAGER', hireDate: '2020-01-01' },
});
await app.db.employee.update({ where: { id: 'emp_wangjianguo' }, data: { managerId: 'emp_head' } });
await app.db.employee.update({ where: { id: 'emp_danielwu' }, data: { managerId: 'emp_wangjianguo' } });
const head = { id: 'emp_head', role: 'MANAGER' } as const;

describe('kit access', () => {
  it('lets an employee see only themselves', async () => {
    expect(await access.employee(employee, 'emp_liming')).toBe(true);
    expect(await access.employee(employee, 'emp_zhangwei')).toBe(false);
    expect(await access.team(employee, 'team_aftersales')).toBe(false);
  });

  it('lets a manager see the team they manage and its members, not another team', async () => {
    expect(await access.team(manager, 'team_aftersales')).toBe(true);
    expect(await access.employee(manager, 'emp_liming')).toBe(true);
    expect(await access.team(manager, 'team_sales')).toBe(false);
    expect(await access.employee(manager, 'emp_sunli')).toBe(false);
  });

  it('lets a manager see someone in another team who reports to them', async () => {
    expect(await access.employee(manager, 'emp_danielwu')).toBe(true);
  });

  it("lets a manager's manager see down the whole chain, teams included", async () => {
    expect(await access.employee(head, 'emp_wangjianguo')).toBe(true);
    expect(await access.employee(head, 'emp_liming')).toBe(true);
    expect(await access.employee(head, 'emp_danielwu')).toBe(true);
    expect(await access.team(head, 'team_aftersales')).toBe(true);
    expect(await access.team(head, 'team_service')).toBe(false);
  });

  it('lets HR see everyone and every team of a department', async () => {
    expect(await access.employee(hr, 'emp_linfang')).toBe(true);
    expect(await access.team(hr, 'team_service')).toBe(true);
    expect(await access.departmentTeams(hr, 'dept_sales')).toEqual(['team_sales']);
    expect(await access.departmentTeams(manager, 'dept_sales')).toEqual([]);
  });
});

describe('features asking kit access', () => {
  const say = async (userId: string, text: string) => {
    const res = await app.server.inject({ method: 'POST', url: '/console/api/messages', payload: { userId, text } });
    return (res.json() as { replies: Card[] }).replies[0] as Card;
  };

  it("gives a manager the person report of someone in another team who reports to them, not a stranger's", async () => {
    const report = await say('emp_wangjianguo', 'report person Daniel Wu 2026-10');
    expect(report.title).toContain('Daniel Wu');
    const refused = await say('emp_wangjianguo', 'report person 钱涛 2026-10');
    expect(refused.text).toContain('抱歉，你只能查看自己团队成员的报表。');
  });
});

describe('kit links', () => {
  it('opens a single-use link once and refuses it the second time', async () => {
    const token = app.kit.links.sign('survey', 'inv_1', new Date(Date.parse('2026-11-25T00:00:00Z')));
    expect(await app.kit.links.consume('survey', token)).toMatchObject({ ok: true, subjectId: 'inv_1' });
    expect(await app.kit.links.consume('survey', token)).toEqual({ ok: false, reason: 'used' });
  });

  it('spends nothing for an expired or forged link', async () => {
    const expired = app.kit.links.sign('survey', 'inv_2', new Date(Date.parse('2026-11-01T00:00:00Z')));
    expect(await app.kit.links.consume('survey', expired)).toEqual({ ok: false, reason: 'expired' });
    expect(await app.kit.links.consume('survey', `${expired.slice(0, -2)}AA`)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await app.db.consumedLink.count()).toBe(1);
  });
});
