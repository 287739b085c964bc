// The examples the OpenAPI document shows. test/api/openapi.test.ts sends each one to the live
// route on the demo company and checks the answer against the documented schema, so an example
// that stops working fails the build. People, sites and teams are the demo company's.
import type { RouteExample } from '../http/route-spec.js';
import type { RecordType } from '../records/index.js';

export const PUSH_EXAMPLES: Record<RecordType, RouteExample> = {
  workOrder: {
    body: {
      source: 'erp',
      records: [
        {
          externalId: 'WO-20261118-0001',
          title: '充电桩无法启动充电',
          assignee: 'KP0005',
          siteCode: 'SH-HQ',
          customerExternalId: 'C-10086',
          customerName: '上海某车主',
          difficulty: 2,
          status: 'COMPLETED',
          openedAt: '2026-11-18T09:02:00+08:00',
          assignedAt: '2026-11-18T09:10:00+08:00',
          firstResponseAt: '2026-11-18T09:15:00+08:00',
          arrivedAt: '2026-11-18T10:20:00+08:00',
          completedAt: '2026-11-18T11:40:00+08:00',
          slaResponseMinutes: 30,
          slaArrivalMinutes: 120,
          resolved: true,
        },
        {
          externalId: 'WO-20261118-0002',
          title: 'BMS 告警排查',
          assignee: 'nobody',
          status: 'OPEN',
          openedAt: 'today',
        },
      ],
    },
    response: {
      source: 'erp',
      summary: { created: 1, updated: 0, unchanged: 0, rejected: 1 },
      results: [
        { index: 0, externalId: 'WO-20261118-0001', result: 'created', id: 'cmi4x0k2p0001abcd' },
        {
          index: 1,
          externalId: 'WO-20261118-0002',
          result: 'rejected',
          errors: [{ field: 'openedAt', message: 'Invalid ISO datetime' }],
        },
      ],
    },
  },
  crmOrder: {
    body: {
      source: 'crm',
      records: [
        {
          externalId: 'SO-88001',
          employee: 'KP0010',
          customerExternalId: 'C-20001',
          customerName: '杭州某4S店',
          amountCents: 1_280_000,
          collectedCents: 640_000,
          orderedAt: '2026-11-17T15:30:00+08:00',
          status: 'won',
        },
      ],
    },
  },
  ticket: {
    body: {
      source: 'helpdesk',
      records: [
        {
          externalId: 'ZD-700001',
          employee: 'KP0016',
          channel: 'chat',
          openedAt: '2026-11-18T10:00:00+08:00',
          firstResponseAt: '2026-11-18T10:00:40+08:00',
          resolvedAt: '2026-11-18T10:12:00+08:00',
          status: 'solved',
          isComplaint: false,
        },
      ],
    },
  },
  ticketRating: {
    body: {
      source: 'helpdesk',
      records: [{ externalId: 'ZD-700001', rating: 5, ratedAt: '2026-11-18T10:20:00+08:00' }],
    },
  },
  training: {
    body: {
      source: 'lms',
      records: [
        {
          externalId: 'LMS-5501',
          employee: 'KP0005',
          courseCode: 'HV-SAFETY',
          courseName: '高压电安全规范',
          minutes: 90,
          examScore: 92,
          reason: 'REGULAR',
          enrolledAt: '2026-11-10T09:00:00+08:00',
          completedAt: '2026-11-10T10:30:00+08:00',
        },
      ],
    },
  },
  employee: {
    body: {
      source: 'hr',
      records: [
        {
          employeeNo: 'KP0900',
          name: '周新',
          email: 'zhouxin@kaopu-demo.example',
          status: 'PROBATION',
          departmentCode: 'AFTERSALES',
          teamCode: 'aftersales',
          positionCode: 'engineer',
          manager: 'KP0004',
          hireDate: '2026-11-02',
          probationEndDate: '2027-02-01',
        },
      ],
    },
  },
  department: {
    body: { source: 'hr', records: [{ code: 'AFTERSALES-N', name: '售后服务部（北区）', parentCode: 'AFTERSALES' }] },
  },
  leave: {
    body: {
      source: 'hr',
      records: [
        {
          externalId: 'LV-2026-0456',
          employee: 'KP0006',
          type: 'annual',
          startsAt: '2026-11-24T09:00:00+08:00',
          endsAt: '2026-11-25T18:00:00+08:00',
          status: 'APPROVED',
          approvedBy: 'KP0004',
        },
      ],
    },
  },
};

export const READ_EXAMPLES = {
  employee: { params: { employee: 'KP0005' } },
  team: { params: { team: 'aftersales' } },
  payroll: { params: { period: '2026-10' } },
} satisfies Record<string, RouteExample>;
