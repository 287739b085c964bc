// Directory sync against nock fixtures in WeCom's documented shapes (department/list, user/list),
// run by HR with `directory sync` through the console.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../../cards/card.js';
import { wecomEnv } from '../../adapters/wecom/callbacks.js';
import { startTestApp } from '../../helpers/test-app.js';

const API = 'https://qyapi.wecom.test';
const CONSOLE_TOKEN = 'console-token-for-directory-sync-tests';
const app = await startTestApp({ env: { ...wecomEnv(API), CONSOLE_TOKEN } });
const headers = { authorization: `Bearer ${CONSOLE_TOKEN}` };

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

async function say(text: string): Promise<Card> {
  const res = await app.server.inject({
    method: 'POST',
    url: '/console/api/messages',
    headers,
    payload: { userId: 'emp_malin', text, locale: 'en' },
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Card[] }).replies[0] as Card;
}

const ok = { errcode: 0, errmsg: 'ok' };
// https://developer.work.weixin.qq.com/document/path/90208
const departments = {
  ...ok,
  department: [
    { id: 1, name: '考谱科技', name_en: 'Kaopu', department_leader: [], parentid: 0, order: 100 },
    { id: 2, name: '售后服务部', department_leader: ['wangjianguo'], parentid: 1, order: 90 },
    { id: 3, name: '新能源维修组', department_leader: [], parentid: 2, order: 80 },
  ],
};
// https://developer.work.weixin.qq.com/document/path/90201 (fields beyond these are ignored)
const member = (fields: Record<string, unknown>) => ({
  department: [2],
  order: [0],
  position: '',
  gender: '1',
  is_leader_in_dept: [0],
  avatar: '',
  telephone: '',
  alias: '',
  status: 1,
  main_department: 2,
  ...fields,
});
const dept1 = { ...ok, userlist: [member({ userid: 'dup1', name: '甲', department: [1], main_department: 1 })] };
const dept2 = {
  ...ok,
  userlist: [
    // already linked on WeCom in the demo: updated, moved to the synced department
    member({ userid: 'liming', name: '李明', department: [2, 3], main_department: 3 }),
    // nobody has this e-mail or mobile: created, with a manager from direct_leader
    member({
      userid: 'newguy',
      name: '新同事',
      email: 'New.Guy@kaopu.example',
      mobile: '+86 13800000001',
      direct_leader: ['liming'],
    }),
    // matches 钱涛 by mobile (no WeCom link yet after the test removes it)
    member({ userid: 'qt2026', name: '钱涛', mobile: '13912345678' }),
    // e-mail of 吴昊 and mobile of 孙丽: two employees, never guessed
    member({ userid: 'ambi', name: '某人', email: 'wuhao@kaopu-demo.example', mobile: '13700000000' }),
    // the same user id listed in department 1 with another name: reported, not merged
    member({ userid: 'dup1', name: '乙' }),
    // left the company (status 5)
    member({ userid: 'zhaolei', name: '赵磊', status: 5 }),
  ],
};
const dept3 = { ...ok, userlist: [member({ userid: 'late', name: '后到者', department: [3], main_department: 3 })] };

function directory(options: { dept3Fails: boolean }) {
  nock(API)
    .get('/cgi-bin/gettoken')
    .query(true)
    .reply(200, { ...ok, access_token: 'T1', expires_in: 7200 });
  nock(API).get('/cgi-bin/department/list').query({ access_token: 'T1' }).reply(200, departments);
  nock(API).get('/cgi-bin/user/list').query({ access_token: 'T1', department_id: '1' }).reply(200, dept1);
  nock(API).get('/cgi-bin/user/list').query({ access_token: 'T1', department_id: '2' }).reply(200, dept2);
  const three = nock(API).get('/cgi-bin/user/list').query({ access_token: 'T1', department_id: '3' });
  if (options.dept3Fails) three.times(3).reply(502, 'bad gateway');
  else three.reply(200, dept3);
}

describe('WeCom directory sync', () => {
  it('creates the organisation, links and matches people, lists conflicts, keeps what synced when a page fails', async () => {
    await app.db.chatIdentity.deleteMany({ where: { employeeId: 'emp_qiantao', platform: 'WECOM' } });
    await app.db.employee.update({ where: { id: 'emp_qiantao' }, data: { phone: '+86 139-1234-5678' } });
    await app.db.employee.update({ where: { id: 'emp_sunli' }, data: { phone: '137 0000 0000' } });
    directory({ dept3Fails: true });
    const reply = await say('directory sync');
    expect(reply.text).toContain(
      'WeCom: 3 departments, 1 people created, 3 updated, 1 left, 2 conflicts, 1 failed pages.',
    );

    const dept = await app.db.department.findUniqueOrThrow({ where: { code: 'wecom-3' }, include: { parent: true } });
    expect(dept.name).toBe('新能源维修组');
    expect(dept.parent?.code).toBe('wecom-2');
    const liming = await app.db.employee.findUniqueOrThrow({ where: { id: 'emp_liming' }, include: { team: true } });
    expect(liming.team?.code).toBe('wecom-3');

    const newguy = await app.db.chatIdentity.findUniqueOrThrow({
      where: { platform_platformUserId: { platform: 'WECOM', platformUserId: 'newguy' } },
      include: { employee: true },
    });
    expect(newguy.employee).toMatchObject({ name: '新同事', employeeNo: 'wecom-newguy', managerId: 'emp_liming' });
    const qt = await app.db.chatIdentity.findUniqueOrThrow({
      where: { platform_platformUserId: { platform: 'WECOM', platformUserId: 'qt2026' } },
    });
    expect(qt.employeeId).toBe('emp_qiantao');
    expect(await app.db.chatIdentity.count({ where: { platformUserId: { in: ['ambi', 'dup1'] } } })).toBe(0);
    expect((await app.db.employee.findUniqueOrThrow({ where: { id: 'emp_zhaolei' } })).status).toBe('LEFT');
    const failure = await app.db.syncError.findFirstOrThrow({ where: { source: 'wecom-directory' } });
    expect(failure).toMatchObject({ entity: 'users', externalId: '3' });

    const conflicts = await say('directory');
    expect(conflicts.title).toBe('Directory sync conflicts');
    expect(conflicts.text).toContain('某人 (ambi)');
    expect(conflicts.text).toContain('matches several employees');
    expect(conflicts.text).toMatch(/吴昊 \(KP\d+\)/);
    expect(conflicts.text).toMatch(/孙丽 \(KP\d+\)/);
    expect(conflicts.text).toContain('the same user id listed twice with different details');
  });

  it('picks up the failed page on the next run without duplicating anyone', async () => {
    const employees = await app.db.employee.count();
    directory({ dept3Fails: false });
    const reply = await say('directory sync');
    expect(reply.text).toContain('1 people created');
    expect(reply.text).toContain('0 failed pages');
    expect(await app.db.employee.count()).toBe(employees + 1);
    const late = await app.db.chatIdentity.findUniqueOrThrow({
      where: { platform_platformUserId: { platform: 'WECOM', platformUserId: 'late' } },
      include: { employee: { include: { team: true } } },
    });
    expect(late.employee.team?.code).toBe('wecom-3');
    const audit = await app.db.auditLog.findMany({ where: { action: 'directory.synced' } });
    expect(audit).toHaveLength(2);
  });

  it('is for HR only', async () => {
    const res = await app.server.inject({
      method: 'POST',
      url: '/console/api/messages',
      headers,
      payload: { userId: 'emp_liming', text: 'directory sync', locale: 'en' },
    });
    expect((res.json() as { replies: Card[] }).replies[0]?.text).toContain('cannot use "directory"');
  });
});
