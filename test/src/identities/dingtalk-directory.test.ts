// DingTalk directory sync against nock fixtures in the documented topapi v2 shapes: the root
// department, sub-departments walked down, users paged by cursor, matched by 工号 (job_number).
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../helpers/test-app.js';

const API = 'https://api.dingtalk.test';
const OAPI = 'https://oapi.dingtalk.test';
const CONSOLE_TOKEN = 'console-token-for-dingtalk-directory-tests';
const app = await startTestApp({
  env: {
    DINGTALK_CLIENT_ID: 'dingclientid',
    DINGTALK_CLIENT_SECRET: 'dingtalk-app-secret-for-tests',
    DINGTALK_ROBOT_CODE: 'dingrobotcode',
    DINGTALK_API_BASE: API,
    DINGTALK_OAPI_BASE: OAPI,
    CONSOLE_TOKEN,
  },
});

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const ok = { errcode: 0, errmsg: 'ok', request_id: 'r1' };
const user = (fields: Record<string, unknown>) => ({
  unionid: 'u',
  avatar: '',
  hide_mobile: false,
  telephone: '',
  title: '',
  work_place: '',
  remark: '',
  dept_order: 0,
  extension: '',
  active: true,
  admin: false,
  boss: false,
  leader: false,
  exclusive_account: false,
  ...fields,
});

describe('DingTalk directory sync', () => {
  it('walks the departments, follows the cursor and matches by employee number', async () => {
    const liming = await app.db.employee.findUniqueOrThrow({ where: { id: 'emp_liming' } });
    await app.db.chatIdentity.deleteMany({ where: { employeeId: 'emp_liming', platform: 'DINGTALK' } });
    nock(API).post('/v1.0/oauth2/accessToken').reply(200, { accessToken: 'DT1', expireIn: 7200 });
    const bodies: unknown[] = [];
    const oapi = nock(OAPI)
      .post('/topapi/v2/department/get', (b) => bodies.push(b) > 0)
      .query({ access_token: 'DT1' })
      .reply(200, { ...ok, result: { dept_id: 1, name: '考谱科技', parent_id: 0 } })
      .post('/topapi/v2/department/listsub', { dept_id: 1 })
      .query({ access_token: 'DT1' })
      .reply(200, { ...ok, result: [{ dept_id: 100, name: '外勤销售部', parent_id: 1 }] })
      .post('/topapi/v2/department/listsub', { dept_id: 100 })
      .query({ access_token: 'DT1' })
      .reply(200, { ...ok, result: [] })
      .post('/topapi/v2/user/list', { dept_id: 1, cursor: 0, size: 100 })
      .query({ access_token: 'DT1' })
      .reply(200, { ...ok, result: { has_more: false, list: [] } })
      .post('/topapi/v2/user/list', { dept_id: 100, cursor: 0, size: 100 })
      .query({ access_token: 'DT1' })
      .reply(200, {
        ...ok,
        result: {
          has_more: true,
          next_cursor: 1,
          list: [user({ userid: 'manager4587', name: '李明', job_number: liming.employeeNo, dept_id_list: [100] })],
        },
      })
      .post('/topapi/v2/user/list', { dept_id: 100, cursor: 1, size: 100 })
      .query({ access_token: 'DT1' })
      .reply(200, {
        ...ok,
        result: {
          has_more: false,
          list: [
            user({
              userid: 'dt-new-1',
              name: '钉钉新人',
              job_number: 'D0001',
              mobile: '18600000000',
              dept_id_list: [100],
              manager_userid: 'manager4587',
            }),
          ],
        },
      });

    const res = await app.server.inject({
      method: 'POST',
      url: '/console/api/messages',
      headers: { authorization: `Bearer ${CONSOLE_TOKEN}` },
      payload: { userId: 'emp_malin', text: '通讯录 同步' },
    });
    expect(res.statusCode).toBe(200);
    const reply = (res.json() as { replies: { text: string }[] }).replies[0]?.text;
    expect(reply).toContain('钉钉：2 个部门，新建 1 人，更新 2 人，离职 0 人，冲突 0 条，失败 0 页。');
    expect(oapi.isDone()).toBe(true);
    expect(bodies[0]).toEqual({ dept_id: 1 });

    const linked = await app.db.chatIdentity.findUniqueOrThrow({
      where: { platform_platformUserId: { platform: 'DINGTALK', platformUserId: 'manager4587' } },
    });
    expect(linked.employeeId).toBe('emp_liming');
    const created = await app.db.employee.findUniqueOrThrow({
      where: { employeeNo: 'D0001' },
      include: { team: true, department: { include: { parent: true } } },
    });
    expect(created).toMatchObject({ name: '钉钉新人', phone: '18600000000', managerId: 'emp_liming' });
    expect(created.team?.code).toBe('dingtalk-100');
    expect(created.department?.parent?.code).toBe('dingtalk-1');
  });
});
