// Personal data under PIPL (个人信息保护法): HR exports everything Kaopu holds about a person as
// one JSON file (art. 45, a copy in a portable form), and erases a leaver's personal data once the
// retention has passed (art. 47), keeping the anonymised rows that aggregates (KPI results, team
// figures) are computed from. Both audited.
import { createHash } from 'node:crypto';
import type { Card } from '../../cards/card.js';
import { makeCard } from '../../cards/card.js';
import { noticeCard } from '../../cards/notice-card.js';
import type { FeatureKit } from '../bot/feature.js';
import type { CommandContext } from '../bot/registry.js';
import { KaopuError } from '../errors.js';
import type { FileService } from '../files/index.js';
import { localParts } from '../time/zoned.js';
import { findEmployee } from './commands.js';

/**
 * Labour-contract records are kept at least two years after the contract ends (劳动合同法 第五十条),
 * so a leaver's personal data is erasable from then on.
 */
export const RETENTION_YEARS = 2;

/** Everything about one person, each of their tables in full (ids included, for traceability). */
export async function personalData(kit: FeatureKit, employeeId: string) {
  const { db } = kit;
  const employee = await db.employee.findUnique({
    where: { id: employeeId },
    include: {
      department: { select: { name: true } },
      team: { select: { name: true } },
      position: { select: { name: true } },
      identities: true,
      consents: true,
      shiftAssignments: true,
      checkIns: true,
      workOrders: true,
      surveyInvitations: true,
      surveyAnswers: true,
      crmOrders: true,
      tickets: true,
      trainings: true,
      kpiTargets: true,
      kpiResults: true,
      qualityErrors: true,
      appeals: true,
      probationAssessments: true,
      acknowledgements: true,
      projectAssignments: true,
      transferIntents: true,
      transferApplications: true,
      alerts: true,
    },
  });
  if (!employee) return null;
  const audit = await db.auditLog.findMany({
    where: { OR: [{ actorId: employeeId }, { subjectId: employeeId }] },
    orderBy: { at: 'asc' },
  });
  return { employee, auditLog: audit };
}

function json(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
}

export async function exportCommand(kit: FeatureKit, files: FileService, ctx: CommandContext): Promise<Card[]> {
  const query = ctx.args.join(' ').trim().slice(0, 100);
  if (!query) return [noticeCard({ body: ctx.t('identities.pipl.usage'), tone: 'warning' }, ctx.t)];
  const person = await findEmployee(kit, query);
  if (!(await kit.access.employee(ctx.actor, person.id))) throw new KaopuError('error.forbidden', { status: 403 });
  const data = await personalData(kit, person.id);
  if (!data) throw new KaopuError('identities.link.no_employee', { params: { query } });
  const exportedAt = ctx.now.toISOString();
  const url = await files.publish({
    kind: 'pipl-export',
    fileName: `personal-data-${person.employeeNo}.json`,
    contentType: 'application/json; charset=utf-8',
    content: Buffer.from(json({ exportedAt, exportedBy: ctx.actor.id, ...data }), 'utf8'),
    requestedById: ctx.actor.id,
    now: ctx.now,
  });
  await kit.audit.as(ctx)({
    action: 'pipl.exported',
    subjectType: 'Employee',
    subjectId: person.id,
    details: { tables: Object.keys(data.employee).length },
  });
  return [
    makeCard({
      title: ctx.t('identities.pipl.export_title', { name: person.name }),
      audience: 'personal',
      blocks: [
        { type: 'text', text: ctx.t('identities.pipl.export_body', { hours: files.ttlHours }) },
        { type: 'actions', buttons: [{ url, label: ctx.t('identities.pipl.download') }] },
      ],
    }),
  ];
}

function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Replaces who the person was with a pseudonym and drops what identifies them (contacts, chat
 * accounts, consents, check-in coordinates, free text they wrote); the rows themselves stay, so
 * last year's team figures and KPI results do not change.
 */
export async function erase(kit: FeatureKit, employeeId: string): Promise<string> {
  const pseudonym = `ERASED-${createHash('sha256').update(employeeId).digest('hex').slice(0, 10)}`;
  await kit.db.$transaction([
    kit.db.employee.update({
      where: { id: employeeId },
      data: { name: pseudonym, employeeNo: pseudonym, email: null, phone: null, skills: '', managerId: null },
    }),
    kit.db.chatIdentity.deleteMany({ where: { employeeId } }),
    kit.db.linkCode.deleteMany({ where: { usedById: employeeId } }),
    kit.db.consent.deleteMany({ where: { employeeId } }),
    kit.db.checkIn.updateMany({
      where: { employeeId },
      data: { lat: null, lng: null, accuracyM: null, distanceM: null },
    }),
    kit.db.appeal.updateMany({ where: { employeeId }, data: { reason: '' } }),
    kit.db.reportFile.deleteMany({ where: { requestedById: employeeId } }),
  ]);
  return pseudonym;
}

export async function eraseCommand(kit: FeatureKit, ctx: CommandContext): Promise<Card[]> {
  const query = ctx.args.join(' ').trim().slice(0, 100);
  if (!query) return [noticeCard({ body: ctx.t('identities.pipl.usage'), tone: 'warning' }, ctx.t)];
  const person = await findEmployee(kit, query);
  if (!(await kit.access.employee(ctx.actor, person.id))) throw new KaopuError('error.forbidden', { status: 403 });
  const row = await kit.db.employee.findUniqueOrThrow({ where: { id: person.id }, select: { leftDate: true } });
  const today = localParts(ctx.now, kit.config.timeZone).date;
  const erasableFrom = row.leftDate ? addYears(row.leftDate, RETENTION_YEARS) : null;
  if (person.status !== 'LEFT' || !erasableFrom || erasableFrom > today) {
    await kit.audit.as(ctx)({
      action: 'pipl.erase_refused',
      subjectType: 'Employee',
      subjectId: person.id,
      details: { status: person.status, erasableFrom },
    });
    const body =
      person.status !== 'LEFT' || !erasableFrom
        ? ctx.t('identities.pipl.not_left', { name: person.name })
        : ctx.t('identities.pipl.retention', { name: person.name, date: erasableFrom, years: RETENTION_YEARS });
    return [noticeCard({ body, tone: 'warning' }, ctx.t)];
  }
  const pseudonym = await erase(kit, person.id);
  await kit.audit.as(ctx)({
    action: 'pipl.erased',
    subjectType: 'Employee',
    subjectId: person.id,
    details: { pseudonym },
  });
  return [
    noticeCard({ body: ctx.t('identities.pipl.erased', { name: person.name, pseudonym }), tone: 'success' }, ctx.t),
  ];
}
