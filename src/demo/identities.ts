// Demo data for organisation and identities: a leaver whose records passed the retention (HR can
// `pipl erase 周晓离`), one who left last month (refused, links closed) and a conflict left by a
// WeCom directory sync (HR sees it with `directory` / 通讯录).
import type { Prisma } from '../db/client.js';
import { addDays } from '../time/zoned.js';

type Tx = Prisma.TransactionClient;

export async function seedIdentities(db: Tx, today: string, now: Date): Promise<void> {
  await db.employee.createMany({
    data: [
      {
        id: 'emp_zhouxiaoli',
        employeeNo: 'KP9001',
        name: '周晓离',
        email: 'zhouxiaoli@kaopu-demo.example',
        phone: '13900009001',
        status: 'LEFT',
        departmentId: 'dept_service',
        hireDate: addDays(today, -1900),
        leftDate: addDays(today, -1000),
      },
      {
        id: 'emp_qianmoyue',
        employeeNo: 'KP9002',
        name: '钱末月',
        email: 'qianmoyue@kaopu-demo.example',
        status: 'LEFT',
        departmentId: 'dept_sales',
        hireDate: addDays(today, -500),
        leftDate: addDays(today, -30),
      },
    ],
  });
  await db.chatIdentity.createMany({
    data: [
      { platform: 'WECOM', platformUserId: 'zhouxiaoli', employeeId: 'emp_zhouxiaoli', displayName: '周晓离' },
      { platform: 'WECOM', platformUserId: 'qianmoyue', employeeId: 'emp_qianmoyue', displayName: '钱末月' },
    ],
  });
  await db.identityConflict.create({
    data: {
      source: 'wecom',
      platformUserId: 'zhangw2',
      name: '张伟',
      reason: 'ambiguous',
      candidates: 'emp_zhangwei,emp_liuyang',
      createdAt: now,
    },
  });
}
