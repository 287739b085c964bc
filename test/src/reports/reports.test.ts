import { beforeAll, describe, expect, it } from 'vitest';
import { type Card, cardButtons } from '../../../cards/card.js';
import { insertKpiResult } from '../../fixtures/kpi-results.js';
import { readZip } from '../../helpers/read-zip.js';
import { startTestApp } from '../../helpers/test-app.js';

const app = await startTestApp();

async function say(userId: string, text: string): Promise<Card> {
  const res = await app.server.inject({ method: 'POST', url: '/console/api/messages', payload: { userId, text } });
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Card[] }).replies[0] as Card;
}

function linkPaths(card: Card): { xlsx: string; csv: string } {
  const urls = cardButtons(card).flatMap((b) => ('url' in b ? [new URL(b.url).pathname] : []));
  return { xlsx: urls[0] as string, csv: urls[1] as string };
}

async function download(path: string) {
  return app.server.inject({ method: 'GET', url: path });
}

async function employeeNo(id: string): Promise<string> {
  return (await app.db.employee.findUniqueOrThrow({ where: { id } })).employeeNo;
}

async function auditRows(actorId: string, action: string) {
  return app.db.auditLog.findMany({ where: { actorId, action }, orderBy: { at: 'asc' } });
}

beforeAll(async () => {
  await insertKpiResult(app.db, { employeeId: 'emp_liming', period: '2026-10', totalScore: 91.5, band: 'A' });
  await insertKpiResult(app.db, { employeeId: 'emp_zhangwei', period: '2026-10', totalScore: 78.25, band: 'B' });
  await insertKpiResult(app.db, { employeeId: 'emp_liuyang', period: '2026-10', totalScore: null });
  await insertKpiResult(app.db, {
    employeeId: 'emp_yangfan',
    period: '2026-10',
    totalScore: 65,
    band: 'C',
    prorated: true,
  });
  await insertKpiResult(app.db, { employeeId: 'emp_liming', period: '2026-09', totalScore: 88, band: 'A' });
  await insertKpiResult(app.db, {
    employeeId: 'emp_qiantao',
    period: '2026-10',
    totalScore: 95,
    band: 'A',
    modelCode: 'sales_rep',
  });
});

describe('report dept', () => {
  it('answers HR with the department summary, marking no data and pro-rated people', async () => {
    const card = await say('emp_malin', 'report dept 售后服务部 2026-10');
    expect(card.title).toBe('售后服务部 · 2026-10 绩效报表');
    expect(card.text).toContain('平均分: 78.25');
    expect(card.text).toContain('有分数: 3');
    expect(card.text).toContain('售后工程师月度绩效 第 1 版');
    expect(card.text).not.toContain('aftersales_engineer');
    expect(card.text).toContain('65.00 (按出勤折算)');
    expect(card.text).toMatch(/刘洋 \| KP\d+ \| 无数据/);
    expect(card.text).not.toContain('钱涛');
  });

  it('reads the Chinese command words and the period forms alike', async () => {
    const zh = await say('emp_malin', '报表 部门 售后服务部 2026/10');
    expect(zh.title).toBe('售后服务部 · 2026-10 绩效报表');
    expect(zh.text).toContain('平均分: 78.25');
  });

  it('delivers a CSV with exactly one line per person in the department', async () => {
    const card = await say('emp_malin', 'report dept 售后服务部 2026-10');
    const res = await download(linkPaths(card).csv);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('售后服务部_2026-10_绩效报表.csv')}`,
    );
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('\uFEFF工号,姓名,部门,团队,月份,总分,等级,折算,备注,模型,模型版本,内容哈希');
    const result = await app.db.kpiResult.findFirstOrThrow({ where: { employeeId: 'emp_liming', period: '2026-10' } });
    expect(lines).toContain(
      `${await employeeNo('emp_liming')},李明,售后服务部,新能源售后一组,2026-10,91.5,A,否,,售后工程师月度绩效,1,${result.contentHash}`,
    );
    expect(lines).toContain(
      `${await employeeNo('emp_liuyang')},刘洋,售后服务部,新能源售后一组,2026-10,,,否,无数据,售后工程师月度绩效,1,${
        (await app.db.kpiResult.findFirstOrThrow({ where: { employeeId: 'emp_liuyang' } })).contentHash
      }`,
    );
    expect(lines).toContain(`${await employeeNo('emp_zhaolei')},赵磊,售后服务部,新能源售后一组,2026-10,,,,无数据,,,`);
    const members = await app.db.employee.count({ where: { departmentId: 'dept_aftersales' } });
    expect(lines.filter((l) => l !== '')).toHaveLength(members + 1);
  });

  it('delivers an XLSX workbook holding the same people', async () => {
    const card = await say('emp_malin', 'report dept 售后服务部 2026-10');
    const res = await download(linkPaths(card).xlsx);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const zip = readZip(res.rawPayload);
    const xml = [...zip.values()].join('\n');
    expect(zip.has('xl/workbook.xml')).toBe(true);
    expect(xml).toContain('绩效结果');
    expect(xml).toContain('李明');
    expect(xml).toContain('无数据');
  });

  it('shows two chart images that download as PNG', async () => {
    const card = await say('emp_malin', 'report dept 售后服务部 2026-10');
    const images = card.blocks.filter((b) => b.type === 'image');
    expect(images.map((b) => b.alt)).toEqual(['得分分布', '近 6 个月趋势']);
    const res = await download(new URL(images[0]?.type === 'image' ? images[0].url : '').pathname);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('writes an audit row for each report generated', async () => {
    await say('emp_fangyuan', 'report dept 售后服务部 2026-10');
    const rows = await auditRows('emp_fangyuan', 'report.generated');
    expect(rows.at(-1)).toMatchObject({ subjectType: 'Department', subjectId: 'dept_aftersales' });
  });

  it('answers an unknown department and a bad month with one clear sentence', async () => {
    expect((await say('emp_malin', 'report dept 不存在部 2026-10')).text).toContain('找不到部门“不存在部”');
    expect((await say('emp_malin', 'report dept 售后服务部 2026-13')).text).toContain('“2026-13”里的月份不存在');
  });
});

describe('report person', () => {
  it('lists each metric with value, target, score, weight and record count', async () => {
    const card = await say('emp_malin', 'report person 李明 2026-10');
    expect(card.title).toBe('李明 · 2026-10 绩效报表');
    expect(card.text).toContain('客户满意度 | 4.2 | 4.5 | 93.33 | 40% | 3');
    expect(card.text).toContain('投诉 (扣分) | 1 | — | -2.00 | — | 1');
    expect(card.text).toContain('售后工程师月度绩效 第 1 版');
  });

  it('delivers the metrics as an exact CSV', async () => {
    const card = await say('emp_malin', 'report person 李明 2026-10');
    const res = await download(linkPaths(card).csv);
    expect(res.body).toBe(
      '\uFEFF类型,项目,实际值,单位,目标,得分,权重(%),加权分,记录数\r\n' +
        '指标,客户满意度,4.2,,4.5,93.33,40,37.33,3\r\n' +
        '指标,work_orders_completed,36,,40,90,60,54,2\r\n' +
        '扣分,投诉,1,,,-2,,,1\r\n',
    );
  });

  it('finds a person by employee number and says no data for a month without a result', async () => {
    const card = await say('emp_malin', `report person ${await employeeNo('emp_liming')} 2026-08`);
    expect(card.title).toBe('李明 · 2026-08 绩效报表');
    expect(card.text).toContain('2026-08 还没有这位员工的绩效结果（无数据）');
  });
});

describe('who may see what', () => {
  it('refuses an employee politely and audits the refusal', async () => {
    const card = await say('emp_liming', 'report person 李明 2026-10');
    expect(card.text).toContain('抱歉');
    expect(card.text).not.toContain('91.5');
    expect(await auditRows('emp_liming', 'bot.refused')).toEqual([
      expect.objectContaining({ subjectType: 'command', subjectId: 'reports.report' }),
    ]);
  });

  it('gives a manager their own team’s department report', async () => {
    const card = await say('emp_wangjianguo', 'report dept 售后服务部 2026-10');
    expect(card.title).toBe('售后服务部 · 2026-10 绩效报表');
    expect(card.text).toContain('李明');
  });

  it('refuses a manager another team’s department and person, with audit rows', async () => {
    const dept = await say('emp_wangjianguo', 'report dept 华东销售部 2026-10');
    const person = await say('emp_wangjianguo', 'report person 钱涛 2026-10');
    expect(dept.text).toContain('抱歉，你只能查看自己团队成员的报表。');
    expect(person.text).toContain('抱歉，你只能查看自己团队成员的报表。');
    expect(person.text).not.toContain('95');
    const rows = await auditRows('emp_wangjianguo', 'report.refused');
    expect(rows.map((r) => [r.subjectType, r.subjectId])).toEqual([
      ['dept', 'dept_sales'],
      ['person', 'emp_qiantao'],
    ]);
  });

  it('refuses a manager the payroll export', async () => {
    const card = await say('emp_sunli', 'report payroll 2026-10');
    expect(card.text).toContain('抱歉，工资导出仅限人事使用。');
    expect(await auditRows('emp_sunli', 'report.refused')).toHaveLength(1);
  });

  it('offers no payroll export for a month that has not started', async () => {
    const card = await say('emp_malin', 'report payroll 2099-01');
    expect(card.text).toContain('2099-01 还没有开始，没有可导出的数据。');
    expect(cardButtons(card)).toHaveLength(0);
  });

  it('reads "last month" in two words like every other month form', async () => {
    const card = await say('emp_malin', 'report dept 售后服务部 last month');
    expect(card.title).toMatch(/^售后服务部 · \d{4}-\d{2} 绩效报表$/);
  });

  it('answers an English-speaking manager in English', async () => {
    const card = await say('emp_sunli', 'report person Daniel Wu 2026-10');
    expect(card.title).toContain('Daniel Wu');
  });
});
