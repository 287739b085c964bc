import { describe, expect, it } from 'vitest';
import type { Card } from '../../cards/card.js';
import { cardButtons } from '../../cards/card.js';
import { startTestApp } from '../helpers/test-app.js';

const app = await startTestApp();

async function say(userId: string, text: string): Promise<Card> {
  const res = await app.server.inject({
    method: 'POST',
    url: '/console/api/messages',
    payload: { userId, text, locale: 'en' },
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Card[] }).replies[0] as Card;
}

function paths(card: Card): string[] {
  return cardButtons(card).flatMap((b) => ('url' in b ? [new URL(b.url).pathname] : []));
}

const upload = (path: string, csv: string) =>
  app.server.inject({ method: 'POST', url: path, headers: { 'content-type': 'text/csv' }, payload: csv });

describe('employees from a CSV file', () => {
  it('offers the template and an upload page, names every problem, then imports the fixed file once', async () => {
    const card = await say('emp_malin', 'import');
    expect(card.title).toBe('Import employees');
    const [csvPath, xlsxPath, uploadPath] = paths(card) as [string, string, string];
    const template = await app.server.inject({ method: 'GET', url: csvPath });
    expect(template.statusCode).toBe(200);
    expect(template.body).toContain('employeeNo,name,email,phone,role,status,departmentCode');
    expect((await app.server.inject({ method: 'GET', url: xlsxPath })).statusCode).toBe(200);
    const pageRes = await app.server.inject({ method: 'GET', url: uploadPath });
    expect(pageRes.statusCode).toBe(200);
    expect(pageRes.body).toContain('导入员工（CSV）');

    const bad = [
      '工号,姓名,邮箱,角色,部门编码,团队编码,上级工号,入职日期,状态,离职日期',
      'N001,王五,not-an-email,EMPLOYEE,OPS,OPS-1,,2026-02-30,,',
      'N002,,n2@example.com,HR,OPS,,,2026-01-05,,',
      'N001,赵六,n3@example.com,EMPLOYEE,,OPS-1,,2026-01-05,LEFT,',
    ].join('\n');
    const res = await upload(uploadPath, bad);
    expect(res.statusCode).toBe(422);
    const problems = (res.json() as { problems: { line: number; column: string; message: string }[] }).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { line: 2, column: 'email', message: 'not an e-mail address' },
        { line: 2, column: 'hireDate', message: 'not a real date' },
        { line: 3, column: 'name', message: 'required' },
        { line: 3, column: 'role', message: 'EMPLOYEE or MANAGER' },
        { line: 4, column: 'leftDate', message: 'required when status is LEFT' },
        { line: 4, column: 'departmentCode', message: 'required when a team is given' },
      ]),
    );
    expect(await app.db.employee.count({ where: { employeeNo: { in: ['N001', 'N002'] } } })).toBe(0);

    const liming = await app.db.employee.findUniqueOrThrow({ where: { id: 'emp_liming' } });
    const good = [
      'employeeNo,name,email,role,departmentCode,departmentName,teamCode,teamName,managerNo,hireDate,status,leftDate',
      'N100,"Lee, Ann",ann@example.com,MANAGER,OPS,运营部,OPS-1,运营一组,,2026-01-05,,',
      'N101,王五,wangwu@example.com,EMPLOYEE,OPS,,OPS-1,,N100,2026-02-01,,',
      `${liming.employeeNo},李明,liming@kaopu-demo.example,EMPLOYEE,,,,,,${liming.hireDate},LEFT,2026-11-15`,
    ].join('\r\n');
    const ok = await upload(uploadPath, good);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ created: 2, updated: 1, left: 1 });
    const wangwu = await app.db.employee.findUniqueOrThrow({
      where: { employeeNo: 'N101' },
      include: { team: true, department: true, manager: true },
    });
    expect(wangwu.manager?.name).toBe('Lee, Ann');
    expect(wangwu.team?.name).toBe('运营一组');
    expect(wangwu.department?.name).toBe('运营部');
    expect((await app.db.employee.findUniqueOrThrow({ where: { id: 'emp_liming' } })).status).toBe('LEFT');
    expect((await say('emp_liming', 'kpi')).title).toBe('Your account is closed');
    const audit = await app.db.auditLog.findFirstOrThrow({ where: { action: 'employees.imported' } });
    expect(audit).toMatchObject({ actorId: 'emp_malin', details: { rows: 3, created: 2, updated: 1, left: 1 } });

    // the link is spent
    expect((await upload(uploadPath, good)).statusCode).toBe(410);
  });

  it('is for HR only', async () => {
    expect((await say('emp_zhangwei', 'import')).text).toContain('cannot use "import"');
  });
});
