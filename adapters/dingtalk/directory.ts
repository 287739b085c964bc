// DingTalk's contacts API as a PlatformDirectory, on OAPI: 获取部门详情 POST /topapi/v2/department/get
// (the root, dept_id 1), 获取子部门列表 POST /topapi/v2/department/listsub (one level, walked down)
// and 获取部门用户详情 POST /topapi/v2/user/list (cursor paging, at most 100 a page).
import { z } from 'zod';
import type { DirectoryDepartment, PlatformDirectory } from '../../src/bot/adapter.js';
import type { DingtalkClient } from './client.js';

const department = z.looseObject({
  dept_id: z.number().int(),
  name: z.string().max(200),
  parent_id: z.number().int().optional(),
});
const departmentGet = z.looseObject({ result: department });
const departmentList = z.looseObject({ result: z.array(department).max(10_000) });
const userList = z.looseObject({
  result: z.looseObject({
    has_more: z.boolean(),
    next_cursor: z.number().int().optional(),
    list: z
      .array(
        z.looseObject({
          userid: z.string().min(1).max(64),
          name: z.string().max(200),
          mobile: z.string().max(40).optional(),
          email: z.string().max(320).optional(),
          org_email: z.string().max(320).optional(),
          job_number: z.string().max(64).optional(),
          dept_id_list: z.array(z.number().int()).max(100).optional(),
          manager_userid: z.string().max(64).optional(),
        }),
      )
      .max(100),
  }),
});

/** Page size: the API's maximum. */
const PAGE_SIZE = 100;
/** A deeper tree is a cycle or a mistake; stop walking. */
const MAX_DEPARTMENTS = 10_000;

export function dingtalkDirectory(client: Pick<DingtalkClient, 'oapi'>): PlatformDirectory {
  return {
    async departments() {
      const root = departmentGet.parse(await client.oapi('/topapi/v2/department/get', { dept_id: 1 })).result;
      const all: DirectoryDepartment[] = [{ id: String(root.dept_id), name: root.name, parentId: null }];
      const queue = [root.dept_id];
      const seen = new Set(queue);
      while (queue.length && all.length < MAX_DEPARTMENTS) {
        const parent = queue.shift() as number;
        const children = departmentList.parse(await client.oapi('/topapi/v2/department/listsub', { dept_id: parent }));
        for (const d of children.result) {
          if (seen.has(d.dept_id)) continue;
          seen.add(d.dept_id);
          queue.push(d.dept_id);
          all.push({ id: String(d.dept_id), name: d.name, parentId: String(parent) });
        }
      }
      return all;
    },
    async users(departmentId, cursor) {
      const parsed = userList.parse(
        await client.oapi('/topapi/v2/user/list', {
          dept_id: Number(departmentId),
          cursor: cursor ? Number(cursor) : 0,
          size: PAGE_SIZE,
        }),
      );
      const { result } = parsed;
      return {
        users: result.list.map((u) => {
          const email = u.email || u.org_email;
          return {
            userId: u.userid,
            name: u.name,
            departmentIds: (u.dept_id_list ?? [Number(departmentId)]).map(String),
            ...(email ? { email } : {}),
            ...(u.mobile ? { mobile: u.mobile } : {}),
            ...(u.job_number ? { employeeNo: u.job_number } : {}),
            ...(u.manager_userid ? { managerUserId: u.manager_userid } : {}),
          };
        }),
        ...(result.has_more && result.next_cursor !== undefined ? { next: String(result.next_cursor) } : {}),
      };
    },
  };
}
