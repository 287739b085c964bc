import { describe, expect, it } from 'vitest';
import type { Card } from '../../cards/card.js';
import { hashCode } from '../../src/identities/codes.js';
import { nightlyRecompute } from '../../src/kpi/index.js';
import { startTestApp } from '../helpers/test-app.js';
import { TEST_TODAY } from '../helpers/test-db.js';

const app = await startTestApp();
await nightlyRecompute(app.kpi.context, TEST_TODAY);

async function say(userId: string, text: string, locale: 'en' | 'zh-CN' = 'en'): Promise<Card> {
  const res = await app.server.inject({
    method: 'POST',
    url: '/console/api/messages',
    payload: { userId, text, locale },
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Card[] }).replies[0] as Card;
}

function codeOn(card: Card): string {
  const code = /linking code: ([A-Z0-9]{8})/.exec(card.text)?.[1];
  if (!code) throw new Error(`no code on: ${card.text}`);
  return code;
}

const liming = await app.db.employee.findUniqueOrThrow({ where: { id: 'emp_liming' } });

describe('linking an unknown user by code', () => {
  it('gives an unknown console user a code; HR links it; their next kpi is the employee card', async () => {
    const onboarding = await say('guest-newbie', 'kpi');
    expect(onboarding.title).toBe('Your account is not linked yet');
    const code = codeOn(onboarding);
    expect(onboarding.text).toContain('2026-11-21'); // valid three days
    // only the hash is stored
    expect(await app.db.linkCode.count({ where: { codeHash: code } })).toBe(0);
    expect(await app.db.linkCode.count({ where: { codeHash: hashCode(code) } })).toBe(1);

    const done = await say('emp_malin', `link ${code.toLowerCase()} ${liming.employeeNo}`);
    expect(done.text).toContain(`Linked console account guest-newbie to 李明 (${liming.employeeNo})`);

    const card = await say('guest-newbie', 'kpi');
    expect(card.title).toContain('李明');
    expect(card.title).toContain('2026-11');

    const audit = await app.db.auditLog.findFirst({ where: { action: 'identity.linked', subjectId: 'emp_liming' } });
    expect(audit?.actorId).toBe('emp_malin');
    expect(audit?.details).toMatchObject({ platform: 'console', platformUserId: 'guest-newbie', method: 'code' });
  });

  it('refuses a code used twice, an expired code and a made-up one, and audits the refusals', async () => {
    const code = codeOn(await say('guest-twice', 'hello'));
    expect((await say('emp_malin', `link ${code} 王建国`)).text).toContain('Linked');
    expect((await say('emp_malin', `link ${code} 王建国`)).text).toContain('invalid, expired or already used');

    const stale = codeOn(await say('guest-stale', 'hello'));
    await app.db.linkCode.update({
      where: { codeHash: hashCode(stale) },
      data: { expiresAt: new Date(TEST_TODAY.getTime() - 1000) },
    });
    expect((await say('emp_malin', `link ${stale} 王建国`)).text).toContain('invalid, expired or already used');
    expect((await say('emp_malin', 'link ZZZZZZZZ 王建国')).text).toContain('invalid, expired or already used');
    expect(await app.db.auditLog.count({ where: { action: 'identity.link_refused', actorId: 'emp_malin' } })).toBe(3);
    // still unknown
    expect((await say('guest-stale', 'kpi')).title).toBe('Your account is not linked yet');
  });

  it('a new code replaces the older one for the same account', async () => {
    const first = codeOn(await say('guest-again', 'hi'));
    const second = codeOn(await say('guest-again', 'hi'));
    expect(second).not.toBe(first);
    expect((await say('emp_malin', `link ${first} 王建国`)).text).toContain('invalid, expired or already used');
  });

  it('lets only HR link, and names every employee when a name is ambiguous', async () => {
    const code = codeOn(await say('guest-x', 'hi'));
    const refused = await say('emp_liming', `link ${code} 李明`);
    expect(refused.text).toContain('cannot use "link"');
    const nobody = await say('emp_malin', `link ${code} 不存在的人`);
    expect(nobody.text).toContain('No employee "不存在的人"');
  });

  it('shows HR the linked identities with whois, unlinks, and audits both', async () => {
    const who = await say('emp_malin', 'whois 李明');
    expect(who.title).toBe('Who is: 李明');
    expect(who.text).toContain('guest-newbie');
    expect(who.text).toContain('Slack');
    expect(await app.db.auditLog.count({ where: { action: 'identity.whois', actorId: 'emp_malin' } })).toBe(1);

    const gone = await say('emp_malin', `解绑 ${liming.employeeNo} console`, 'zh-CN');
    expect(gone.text).toContain('已解除 李明 的 1 个绑定');
    expect((await say('guest-newbie', 'kpi')).title).toBe('Your account is not linked yet');
    const audit = await app.db.auditLog.findFirst({ where: { action: 'identity.unlinked', subjectId: 'emp_liming' } });
    expect(audit?.details).toMatchObject({ platform: 'console', platformUserId: 'guest-newbie' });
    // Slack, WeCom and DingTalk links are untouched
    expect(await app.db.chatIdentity.count({ where: { employeeId: 'emp_liming' } })).toBe(3);
  });

  it('still refuses a console user id that is neither an employee nor a guest', async () => {
    const res = await app.server.inject({
      method: 'POST',
      url: '/console/api/messages',
      payload: { userId: 'nobody', text: 'kpi' },
    });
    expect(res.statusCode).toBe(404);
  });
});
