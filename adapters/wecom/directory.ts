// WeCom's contacts API as a PlatformDirectory: 获取部门列表 GET /cgi-bin/department/list
// (document/path/90208) and 获取部门成员详情 GET /cgi-bin/user/list?department_id= (90201, one
// department per call, no paging). Since 2022 new self-built apps get no mobile or e-mail there
// unless the 通讯录同步 secret is used; matching then falls back to what is present.
import { z } from 'zod';
import type { DirectoryUser, PlatformDirectory } from '../../src/bot/adapter.js';
import type { WecomClient } from './client.js';

const departmentList = z.looseObject({
  department: z
    .array(z.looseObject({ id: z.number().int(), name: z.string().max(200), parentid: z.number().int().optional() }))
    .max(100_000),
});

const userList = z.looseObject({
  userlist: z
    .array(
      z.looseObject({
        userid: z.string().min(1).max(64),
        name: z.string().max(200),
        department: z.array(z.number().int()).max(100).optional(),
        main_department: z.number().int().optional(),
        mobile: z.string().max(40).optional(),
        email: z.string().max(320).optional(),
        biz_mail: z.string().max(320).optional(),
        direct_leader: z.array(z.string().max(64)).max(10).optional(),
        // 1 active, 2 disabled, 4 not yet activated, 5 left the company (退出企业)
        status: z.number().int().optional(),
      }),
    )
    .max(100_000),
});

export function wecomDirectory(client: WecomClient): PlatformDirectory {
  return {
    async departments() {
      const parsed = departmentList.parse(await client.get('/cgi-bin/department/list', {}));
      return parsed.department.map((d) => ({
        id: String(d.id),
        name: d.name,
        // the root department's parentid is 0
        parentId: d.parentid ? String(d.parentid) : null,
      }));
    },
    async users(departmentId) {
      const parsed = userList.parse(await client.get('/cgi-bin/user/list', { department_id: departmentId }));
      const users = parsed.userlist.map((u): DirectoryUser => {
        const departments = (u.department ?? []).map(String);
        // the main department first: it becomes the employee's team
        const main = u.main_department !== undefined ? String(u.main_department) : undefined;
        const ordered = main ? [main, ...departments.filter((d) => d !== main)] : departments;
        const email = u.email || u.biz_mail;
        return {
          userId: u.userid,
          name: u.name,
          departmentIds: ordered,
          ...(email ? { email } : {}),
          ...(u.mobile ? { mobile: u.mobile } : {}),
          ...(u.direct_leader?.[0] ? { managerUserId: u.direct_leader[0] } : {}),
          ...(u.status === 5 ? { left: true } : {}),
        };
      });
      return { users };
    },
  };
}
