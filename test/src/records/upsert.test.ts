// kit.records.upsert: each record validated on its own, the valid ones upserted by (source,
// external id) in one transaction, events stored once per real change, nothing half-written.
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../../helpers/test-app.js';
import { testProvider } from '../../helpers/test-db.js';

const app = await startTestApp();
const records = app.kit.records;

const LIMING = 'KP0005';
const ZHANGWEI_EMAIL = 'zhangwei@kaopu-demo.example';

function order(externalId: string, extra: Record<string, unknown> = {}) {
  return {
    externalId,
    title: '充电桩无法启动充电',
    assignee: LIMING,
    siteCode: 'SH-HQ',
    customerExternalId: 'CUST-9001',
    customerName: '上海某车主',
    difficulty: 3,
    status: 'IN_PROGRESS',
    openedAt: '2026-11-17T09:00:00+08:00',
    assignedAt: '2026-11-17T09:05:00+08:00',
    ...extra,
  };
}

const eventCount = (name: string) => app.db.domainEvent.count({ where: { name } });

describe('records.upsert', () => {
  it('creates, updates, leaves alone and rejects, naming the field', async () => {
    const first = await records.upsert('workOrder', 'erp', [order('WO-1'), order('WO-2')]);
    expect(first.map((o) => o.result)).toEqual(['created', 'created']);

    const second = await records.upsert('workOrder', 'erp', [
      order('WO-1'),
      order('WO-2', { title: '电池包高压绝缘故障' }),
      order('WO-3', { assignee: 'nobody@example.com' }),
      order('WO-4', { difficulty: 9 }),
      { title: 'no id' },
      order('WO-5', { assignee: ZHANGWEI_EMAIL.toUpperCase() }),
    ]);
    expect(second.map((o) => [o.externalId, o.result])).toEqual([
      ['WO-1', 'unchanged'],
      ['WO-2', 'updated'],
      ['WO-3', 'rejected'],
      ['WO-4', 'rejected'],
      [null, 'rejected'],
      ['WO-5', 'created'],
    ]);
    expect(second[2]?.errors).toEqual([{ field: 'assignee', message: 'no employee with this number or e-mail' }]);
    expect(second[3]?.errors?.[0]?.field).toBe('difficulty');
    expect(second[4]?.errors?.map((e) => e.field)).toContain('externalId');
    expect(second[0]?.id).toBe(first[0]?.id);

    const wo2 = await app.db.workOrder.findUniqueOrThrow({
      where: { source_externalId: { source: 'erp', externalId: 'WO-2' } },
      include: { customer: true, site: true, assignee: true },
    });
    expect(wo2.title).toBe('电池包高压绝缘故障');
    expect(wo2.customer?.name).toBe('上海某车主');
    expect(wo2.site?.code).toBe('SH-HQ');
    expect(wo2.assignee?.employeeNo).toBe(LIMING);
    const wo5 = await app.db.workOrder.findUniqueOrThrow({
      where: { source_externalId: { source: 'erp', externalId: 'WO-5' } },
      include: { assignee: true },
    });
    expect(wo5.assignee?.email).toBe(ZHANGWEI_EMAIL);
    expect(await app.db.workOrder.count({ where: { source: 'erp', externalId: { in: ['WO-3', 'WO-4'] } } })).toBe(0);
    // The same external id from another source is another record.
    const other = await records.upsert('workOrder', 'field-app', [order('WO-1')]);
    expect(other[0]?.result).toBe('created');
    expect(other[0]?.id).not.toBe(first[0]?.id);
  });

  it('changes nothing and emits nothing when the same batch comes twice', async () => {
    const batch = [
      order('WO-10', { status: 'COMPLETED', completedAt: '2026-11-17T11:00:00+08:00', resolved: true }),
      order('WO-11'),
    ];
    const changedBefore = await eventCount('record.changed');
    const completedBefore = await eventCount('workOrder.completed');
    const first = await records.upsert('workOrder', 'erp', batch);
    expect(first.map((o) => o.result)).toEqual(['created', 'created']);
    expect(await eventCount('record.changed')).toBe(changedBefore + 2);
    expect(await eventCount('workOrder.completed')).toBe(completedBefore + 1);
    const completed = await app.db.domainEvent.findFirstOrThrow({
      where: { name: 'workOrder.completed', key: first[0]?.id as string },
    });
    expect(completed.payload).toMatchObject({ workOrderId: first[0]?.id, completedAt: '2026-11-17T03:00:00.000Z' });

    const rows = await app.db.workOrder.findMany({ where: { source: 'erp' }, orderBy: { id: 'asc' } });
    const again = await records.upsert('workOrder', 'erp', batch);
    expect(again.map((o) => o.result)).toEqual(['unchanged', 'unchanged']);
    expect(await app.db.workOrder.findMany({ where: { source: 'erp' }, orderBy: { id: 'asc' } })).toEqual(rows);
    expect(await eventCount('record.changed')).toBe(changedBefore + 2);

    // Completing WO-11 later emits workOrder.completed once; closing it afterwards does not again.
    await records.upsert('workOrder', 'erp', [
      order('WO-11', { status: 'COMPLETED', completedAt: '2026-11-17T12:00:00+08:00' }),
    ]);
    await records.upsert('workOrder', 'erp', [
      order('WO-11', {
        status: 'CLOSED',
        completedAt: '2026-11-17T12:00:00+08:00',
        closedAt: '2026-11-17T13:00:00+08:00',
      }),
    ]);
    expect(await eventCount('workOrder.completed')).toBe(completedBefore + 2);
  });

  it('tells the KPI engine about both people when a work order changes hands', async () => {
    const [created] = await records.upsert('workOrder', 'erp', [order('WO-20')]);
    await records.upsert('workOrder', 'erp', [order('WO-20', { assignee: ZHANGWEI_EMAIL })]);
    const events = await app.db.domainEvent.findMany({
      where: { name: 'record.changed', key: { startsWith: `workOrder:${created?.id}:` } },
    });
    const people = events.map((e) => (e.payload as { employeeId: string }).employeeId);
    expect(new Set(people)).toEqual(new Set(['emp_liming', 'emp_zhangwei']));
  });

  it('writes nothing of a batch when the database fails in the middle of it', async () => {
    if (testProvider() === 'postgres') {
      await app.db.$executeRawUnsafe(`CREATE FUNCTION records_fail() RETURNS trigger AS $$
        BEGIN IF NEW.title = 'boom' THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
      await app.db.$executeRawUnsafe(
        `CREATE TRIGGER records_fail BEFORE INSERT ON "WorkOrder" FOR EACH ROW EXECUTE FUNCTION records_fail()`,
      );
    } else {
      await app.db.$executeRawUnsafe(`CREATE TRIGGER records_fail BEFORE INSERT ON "WorkOrder"
        WHEN NEW.title = 'boom' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    }
    const events = await app.db.domainEvent.count();
    const customers = await app.db.customer.count();
    await expect(
      records.upsert('workOrder', 'crashy', [
        order('WO-30', { customerExternalId: 'CUST-NEW', status: 'COMPLETED', completedAt: '2026-11-17T12:00:00Z' }),
        order('WO-31', { title: 'boom' }),
        order('WO-32'),
      ]),
    ).rejects.toThrow();
    expect(await app.db.workOrder.count({ where: { source: 'crashy' } })).toBe(0);
    expect(await app.db.domainEvent.count()).toBe(events);
    expect(await app.db.customer.count()).toBe(customers);
    await app.db.$executeRawUnsafe(
      testProvider() === 'postgres' ? 'DROP TRIGGER records_fail ON "WorkOrder"' : 'DROP TRIGGER records_fail',
    );
  });

  it('upserts people, departments, leave, tickets and their ratings', async () => {
    const depts = await records.upsert('department', 'hr-system', [
      { code: 'FIELD', name: '外勤服务部' },
      { code: 'FIELD-EAST', name: '华东外勤', parentCode: 'FIELD' },
      { code: 'X', name: 'loop', parentCode: 'NOPE' },
    ]);
    expect(depts.map((d) => d.result)).toEqual(['created', 'created', 'rejected']);
    expect(depts[2]?.errors).toEqual([{ field: 'parentCode', message: 'no department with this code' }]);

    const people = await records.upsert('employee', 'hr-system', [
      {
        employeeNo: 'EXT-1',
        name: '周新',
        email: 'ZhouXin@example.com',
        departmentCode: 'FIELD-EAST',
        teamCode: 'aftersales',
        manager: 'wangjianguo@kaopu-demo.example',
        hireDate: '2026-11-01',
        status: 'PROBATION',
      },
      { employeeNo: 'EXT-2', name: '吴二', manager: 'EXT-1', hireDate: '2026-11-02', role: 'MANAGER' },
      // HR in Kaopu stays HR whatever the HR system says.
      { employeeNo: 'KP0002', name: '马琳', role: 'EMPLOYEE', hireDate: '2023-01-01' },
      { employeeNo: 'EXT-3', name: 'bad', hireDate: '2026-13-01', timeZone: 'Mars/Olympus' },
    ]);
    expect(people.map((p) => p.result)).toEqual(['created', 'created', 'updated', 'rejected']);
    expect(people[3]?.errors?.map((e) => e.field).sort()).toEqual(['hireDate', 'timeZone']);
    const zhou = await app.db.employee.findUniqueOrThrow({ where: { employeeNo: 'EXT-1' }, include: { team: true } });
    expect(zhou.email).toBe('zhouxin@example.com');
    expect(zhou.team?.code).toBe('aftersales');
    const wu = await app.db.employee.findUniqueOrThrow({ where: { employeeNo: 'EXT-2' } });
    expect(wu.managerId).toBe(zhou.id);
    expect((await app.db.employee.findUniqueOrThrow({ where: { employeeNo: 'KP0002' } })).role).toBe('HR');

    const leave = await records.upsert('leave', 'hr-system', [
      {
        externalId: 'LV-1',
        employee: 'EXT-1',
        type: 'annual',
        startsAt: '2026-11-20T09:00:00+08:00',
        endsAt: '2026-11-21T18:00:00+08:00',
        status: 'APPROVED',
        approvedBy: 'KP0004',
        reason: '<b>家里有事</b>',
      },
      {
        externalId: 'LV-2',
        employee: 'EXT-1',
        type: 'annual',
        startsAt: '2026-11-22T09:00:00+08:00',
        endsAt: '2026-11-21T09:00:00+08:00',
        status: 'APPROVED',
      },
      { externalId: 'LV-3', employee: 'EXT-1', type: 'holiday', startsAt: 'tomorrow', status: 'APPROVED' },
    ]);
    expect(leave.map((l) => l.result)).toEqual(['created', 'rejected', 'rejected']);
    expect(leave[1]?.errors).toEqual([{ field: 'endsAt', message: 'must not be before startsAt' }]);
    expect(leave[2]?.errors?.map((e) => e.field).sort()).toEqual(['endsAt', 'startsAt', 'type']);
    const stored = await app.db.leave.findUniqueOrThrow({ where: { id: leave[0]?.id as string } });
    expect(stored).toMatchObject({ status: 'APPROVED', approvedById: 'emp_wangjianguo', reason: '<b>家里有事</b>' });

    const tickets = await records.upsert('ticket', 'zendesk', [
      { externalId: 'T-1', employee: 'KP0005', openedAt: '2026-11-17T10:00:00+08:00', status: 'open' },
      { externalId: 'T-2', openedAt: '2026-11-17T11:00:00+08:00', repeatOfExternalId: 'T-1', isComplaint: true },
      { externalId: 'T-3', openedAt: '2026-11-17T11:00:00+08:00', repeatOfExternalId: 'T-404' },
    ]);
    expect(tickets.map((t) => t.result)).toEqual(['created', 'created', 'rejected']);
    const ratings = await records.upsert('ticketRating', 'zendesk', [
      { externalId: 'T-1', rating: 5, ratedAt: '2026-11-17T12:00:00+08:00' },
      { externalId: 'T-404', rating: 5, ratedAt: '2026-11-17T12:00:00+08:00' },
      { externalId: 'T-1', rating: 5, ratedAt: '2026-11-17T12:00:00+08:00' },
    ]);
    expect(ratings.map((r) => r.result)).toEqual(['updated', 'rejected', 'unchanged']);
    expect((await app.db.helpdeskTicket.findUniqueOrThrow({ where: { id: tickets[0]?.id as string } })).rating).toBe(5);

    const training = await records.upsert('training', 'lms', [
      {
        externalId: 'TR-1',
        employee: 'KP0005',
        courseCode: 'HV-SAFETY',
        courseName: '高压安全',
        minutes: 90,
        examScore: 92,
        enrolledAt: '2026-11-10T09:00:00+08:00',
        completedAt: '2026-11-10T10:30:00+08:00',
      },
    ]);
    expect(training[0]?.result).toBe('created');
    const crm = await records.upsert('crmOrder', 'crm', [
      {
        externalId: 'SO-1',
        employee: 'KP0005',
        amountCents: 1_250_000,
        orderedAt: '2026-11-12T15:00:00+08:00',
        status: 'won',
      },
    ]);
    expect(crm[0]?.result).toBe('created');
  });
});
