import { beforeAll, describe, expect, it } from 'vitest';
import { type Card, cardButtons } from '../../../cards/card.js';
import { insertKpiResult } from '../../fixtures/kpi-results.js';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY } from '../../helpers/test-db.js';

let clock = TEST_TODAY;
const app = await startTestApp({ now: () => clock });
let csvPath = '';

beforeAll(async () => {
  await insertKpiResult(app.db, { employeeId: 'emp_liming', period: '2026-10', totalScore: 91.5, band: 'A' });
  const res = await app.server.inject({
    method: 'POST',
    url: '/console/api/messages',
    payload: { userId: 'emp_malin', text: 'report person 李明 2026-10' },
  });
  const card = (res.json() as { replies: Card[] }).replies[0] as Card;
  const buttons = cardButtons(card).flatMap((b) => ('url' in b ? [new URL(b.url).pathname] : []));
  csvPath = buttons[1] as string;
});

describe('signed file links', () => {
  it('serves a valid link as an attachment with a UTF-8 file name, and audits the download', async () => {
    const res = await app.server.inject({ method: 'GET', url: csvPath });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="___2026-10_____.csv"; filename*=UTF-8''${encodeURIComponent('李明_2026-10_绩效报表.csv')}`,
    );
    expect(res.headers['cache-control']).toBe('private, no-store');
    const audit = await app.db.auditLog.findFirst({ where: { action: 'report.file.downloaded' } });
    expect(audit).toMatchObject({ actorId: 'emp_malin', subjectType: 'ReportFile' });
  });

  it('answers a tampered link with 404 and the standard error body', async () => {
    const last = csvPath.at(-1) === 'A' ? 'B' : 'A';
    const res = await app.server.inject({ method: 'GET', url: `${csvPath.slice(0, -1)}${last}` });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'reports.link_invalid', message: expect.any(String) } });
  });

  it('answers a link naming another file with 404', async () => {
    const token = csvPath.split('/').at(-1) as string;
    const forged = `cxxxxxxxxxxxxxxxxxxxxxxxx.${token.split('.').slice(1).join('.')}`;
    const res = await app.server.inject({ method: 'GET', url: `/files/${forged}` });
    expect(res.statusCode).toBe(404);
  });

  it('answers an oversized token with 4xx without reaching the database', async () => {
    const res = await app.server.inject({ method: 'GET', url: `/files/${'a'.repeat(300)}` });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });

  it('answers an expired link with 410', async () => {
    clock = new Date(TEST_TODAY.getTime() + 73 * 3_600_000);
    try {
      const res = await app.server.inject({ method: 'GET', url: csvPath });
      expect(res.statusCode).toBe(410);
      expect(res.json().error.code).toBe('reports.link_expired');
    } finally {
      clock = TEST_TODAY;
    }
  });
});
