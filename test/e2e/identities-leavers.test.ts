import { describe, expect, it } from 'vitest';
import type { Card } from '../../cards/card.js';
import { cardButtons } from '../../cards/card.js';
import { startTestApp } from '../helpers/test-app.js';
import { TEST_TODAY } from '../helpers/test-db.js';

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

function fileLink(card: Card): string {
  const url = cardButtons(card).find((b) => 'url' in b && new URL(b.url).pathname.startsWith('/files/'));
  if (!url || !('url' in url)) throw new Error(`no file link on: ${card.text}`);
  return new URL(url.url).pathname;
}

describe('leavers', () => {
  it('marks a manager as left: refused on every message, their links die, open items move to their manager', async () => {
    // 王建国 manages the after-sales team; his manager is 沈涛
    const report = await say('emp_wangjianguo', 'report person 李明 2026-10');
    const path = fileLink(report);
    expect((await app.server.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    await app.db.alert.create({
      data: {
        rule: 'test',
        dedupeKey: 'leaver-test-1',
        teamId: 'team_aftersales',
        payload: {},
        status: 'ASSIGNED',
        assignedToId: 'emp_wangjianguo',
      },
    });
    const error = await app.db.qualityError.create({
      data: {
        employeeId: 'emp_liming',
        grade: 'MINOR',
        attribution: 'PERSON',
        category: 'docs',
        description: 'x',
        occurredAt: TEST_TODAY,
      },
    });
    await app.db.appeal.create({
      data: { errorId: error.id, employeeId: 'emp_liming', reason: 'y', reviewerId: 'emp_wangjianguo' },
    });

    const done = await say('emp_malin', '离职 王建国 2026-11-17');
    expect(done.text).toContain(
      'Marked 王建国 as left on 2026-11-17: their account and links are closed; 1 alert(s), 1 appeal(s), 8 report(s) and 1 team(s) moved to 沈涛.',
    );
    const row = await app.db.employee.findUniqueOrThrow({ where: { id: 'emp_wangjianguo' } });
    expect(row).toMatchObject({ status: 'LEFT', leftDate: '2026-11-17' });
    expect((await app.db.alert.findUniqueOrThrow({ where: { dedupeKey: 'leaver-test-1' } })).assignedToId).toBe(
      'emp_shentao',
    );
    expect((await app.db.appeal.findFirstOrThrow({ where: { errorId: error.id } })).reviewerId).toBe('emp_shentao');
    expect((await app.db.team.findUniqueOrThrow({ where: { id: 'team_aftersales' } })).managerId).toBe('emp_shentao');
    expect((await app.db.employee.findUniqueOrThrow({ where: { id: 'emp_liming' } })).managerId).toBe('emp_shentao');

    // refused, politely, whatever they send
    for (const text of ['kpi', 'help', 'team']) {
      const card = await say('emp_wangjianguo', text);
      expect(card.title).toBe('Your account is closed');
      expect(card.text).toContain('Thank you for your work');
    }
    // on a chat platform too: their WeCom identity stays linked, so they are recognised and refused
    const wecom = await app.bot.respond({
      id: 'ev-leaver-wecom',
      platform: 'wecom',
      user: { platformUserId: 'wangjianguo' },
      conversation: { kind: 'dm', id: 'wangjianguo' },
      replyTo: { kind: 'user', userId: 'wangjianguo' },
      payload: { kind: 'text', text: 'kpi' },
      receivedAt: TEST_TODAY,
    });
    expect(wecom.cards[0]?.title).toBe('你的账号已停用');
    // the report link issued to him no longer opens
    expect((await app.server.inject({ method: 'GET', url: path })).statusCode).toBe(410);
    // their history stays
    expect(await app.db.chatIdentity.count({ where: { employeeId: 'emp_wangjianguo' } })).toBe(3);
    expect(await app.db.reportFile.count({ where: { requestedById: 'emp_wangjianguo' } })).toBeGreaterThan(0);

    const audit = await app.db.auditLog.findFirstOrThrow({ where: { action: 'employee.left' } });
    expect(audit).toMatchObject({ actorId: 'emp_malin', subjectId: 'emp_wangjianguo' });
    expect(await app.db.auditLog.count({ where: { action: 'identity.leaver_refused' } })).toBe(4);
  });

  it('says so when the person has already left, and refuses the command to non-HR', async () => {
    expect((await say('emp_malin', 'leaver 王建国')).text).toContain('王建国 has already left.');
    expect((await say('emp_liming', 'leaver 张伟')).text).toContain('cannot use "leaver"');
  });

  it('keeps links issued to people still employed and links issued to nobody in particular', async () => {
    const expires = new Date(TEST_TODAY.getTime() + 86_400_000);
    const mine = app.kit.links.sign('survey', 'inv_1', expires, 'emp_liming');
    expect(await app.kit.links.check('survey', mine)).toMatchObject({ ok: true, issuedTo: 'emp_liming' });
    const anyone = app.kit.links.sign('survey', 'inv_1', expires);
    expect(await app.kit.links.check('survey', anyone)).toMatchObject({ ok: true, subjectId: 'inv_1' });
    const his = app.kit.links.sign('survey', 'inv_2', expires, 'emp_wangjianguo');
    expect(await app.kit.links.check('survey', his)).toEqual({ ok: false, reason: 'revoked' });
    expect(await app.kit.links.consume('survey', his)).toEqual({ ok: false, reason: 'revoked' });
    // the recipient is covered by the signature: swapping it breaks the link
    const forged = mine.replace('emp_liming', 'emp_zhangwei');
    expect(await app.kit.links.check('survey', forged)).toEqual({ ok: false, reason: 'invalid' });
  });
});
