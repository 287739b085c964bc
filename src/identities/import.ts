// Employees and the organisation from a CSV file: a template HR downloads (CSV and XLSX), then an
// upload page behind a signed single-use link. Every row is validated and every problem named
// (row, column, what is wrong); the file is written only when it has none, in one transaction,
// so a half-imported organisation never exists. Leavers in the file are marked as left
// (refused, links closed, open items to their manager).
// The row shape follows the shared record functions' employee record (branch `api`,
// kit.records.upsert('employee', …)), so the writer can move there once it is merged.
import { z } from 'zod';
import type { FeatureKit } from '../bot/feature.js';
import type { Table } from '../files/index.js';
import { markLeft } from './leavers.js';

/** The template's columns, in order; Chinese headers are accepted too. */
export const COLUMNS = [
  'employeeNo',
  'name',
  'email',
  'phone',
  'role',
  'status',
  'departmentCode',
  'departmentName',
  'teamCode',
  'teamName',
  'managerNo',
  'hireDate',
  'leftDate',
] as const;
type Column = (typeof COLUMNS)[number];

const ZH: Record<string, Column> = {
  工号: 'employeeNo',
  姓名: 'name',
  邮箱: 'email',
  手机: 'phone',
  角色: 'role',
  状态: 'status',
  部门编码: 'departmentCode',
  部门名称: 'departmentName',
  团队编码: 'teamCode',
  团队名称: 'teamName',
  上级工号: 'managerNo',
  入职日期: 'hireDate',
  离职日期: 'leftDate',
};

export const MAX_ROWS = 5000;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
const code = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only');
const date = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'not a real date',
  );

const row = z
  .object({
    employeeNo: code,
    name: z.string().trim().min(1, 'required').max(100),
    email: optional(z.email('not an e-mail address').max(254)),
    phone: optional(z.string().trim().max(32)),
    // privileges (HR, ADMIN) are granted in Kaopu only, never by a file
    role: optional(z.enum(['EMPLOYEE', 'MANAGER'], 'EMPLOYEE or MANAGER')),
    status: optional(z.enum(['ACTIVE', 'PROBATION', 'LEFT'], 'ACTIVE, PROBATION or LEFT')),
    departmentCode: optional(code),
    departmentName: optional(z.string().trim().max(100)),
    teamCode: optional(code),
    teamName: optional(z.string().trim().max(100)),
    managerNo: optional(code),
    hireDate: date,
    leftDate: optional(date),
  })
  .superRefine((r, ctx) => {
    if (r.status === 'LEFT' && !r.leftDate)
      ctx.addIssue({ code: 'custom', path: ['leftDate'], message: 'required when status is LEFT' });
    if (r.teamCode && !r.departmentCode) {
      ctx.addIssue({ code: 'custom', path: ['departmentCode'], message: 'required when a team is given' });
    }
  });
type Row = z.infer<typeof row>;

export interface Problem {
  /** 1-based line in the file, the header being line 1. */
  line: number;
  column: string;
  message: string;
}

export function template(): Table {
  return {
    name: 'employees',
    columns: [...COLUMNS],
    rows: [
      [
        'KP1001',
        '张三',
        'zhangsan@example.com',
        '13800000000',
        'EMPLOYEE',
        'ACTIVE',
        'SALES',
        '销售部',
        'SALES-HZ',
        '杭州外勤组',
        'KP1000',
        '2026-01-05',
        '',
      ],
    ],
  };
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; a BOM is ignored. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let current: string[] = [];
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      current.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      current.push(field);
      rows.push(current);
      current = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || current.length) {
    current.push(field);
    rows.push(current);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

/** Validates the whole file; rows come back only when there are no problems at all. */
export function validate(text: string): { rows: Row[]; problems: Problem[] } {
  const [header, ...lines] = parseCsv(text);
  const problems: Problem[] = [];
  if (!header) return { rows: [], problems: [{ line: 1, column: '', message: 'the file is empty' }] };
  const columns = header.map((h) => {
    const name = h.trim();
    return (COLUMNS as readonly string[]).includes(name) ? (name as Column) : ZH[name];
  });
  header.forEach((h, i) => {
    if (!columns[i]) problems.push({ line: 1, column: h.slice(0, 40), message: 'unknown column' });
  });
  for (const required of ['employeeNo', 'name', 'hireDate'] as const) {
    if (!columns.includes(required)) problems.push({ line: 1, column: required, message: 'missing column' });
  }
  if (problems.length) return { rows: [], problems };
  if (lines.length > MAX_ROWS) {
    return { rows: [], problems: [{ line: MAX_ROWS + 2, column: '', message: `at most ${MAX_ROWS} rows a file` }] };
  }
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  lines.forEach((cells, i) => {
    const line = i + 2;
    const record = Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? '']));
    const parsed = row.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ line, column: issue.path.map(String).join('.') || '(row)', message: issue.message });
      }
      return;
    }
    const first = seen.get(parsed.data.employeeNo);
    if (first) {
      problems.push({ line, column: 'employeeNo', message: `the same employee number as line ${first}` });
      return;
    }
    seen.set(parsed.data.employeeNo, line);
    rows.push(parsed.data);
  });
  // managers: in the file or already in Kaopu (checked when writing)
  return { rows: problems.length ? [] : rows, problems };
}

export interface ImportResult {
  problems: Problem[];
  created: number;
  updated: number;
  left: number;
}

export async function importEmployees(kit: FeatureKit, text: string, by: { actorId: string }): Promise<ImportResult> {
  const { rows, problems } = validate(text);
  const none = { created: 0, updated: 0, left: 0 };
  if (problems.length) return { problems, ...none };
  const { db } = kit;
  // Managers must exist in the file or in Kaopu; every missing one is named.
  const inFile = new Set(rows.map((r) => r.employeeNo));
  const wanted = [...new Set(rows.flatMap((r) => (r.managerNo && !inFile.has(r.managerNo) ? [r.managerNo] : [])))];
  const known = new Set(
    (await db.employee.findMany({ where: { employeeNo: { in: wanted } }, select: { employeeNo: true } })).map(
      (e) => e.employeeNo,
    ),
  );
  rows.forEach((r, i) => {
    if (r.managerNo && !inFile.has(r.managerNo) && !known.has(r.managerNo)) {
      problems.push({
        line: i + 2,
        column: 'managerNo',
        message: `no employee ${r.managerNo} in the file or in Kaopu`,
      });
    }
  });
  if (problems.length) return { problems, ...none };

  let created = 0;
  let updated = 0;
  const leavers: { id: string; leftDate: string }[] = [];
  await db.$transaction(
    async (tx) => {
      const departments = new Map<string, string>();
      const teams = new Map<string, string>();
      for (const r of rows) {
        if (r.departmentCode && !departments.has(r.departmentCode)) {
          const d = await tx.department.upsert({
            where: { code: r.departmentCode },
            create: { code: r.departmentCode, name: r.departmentName || r.departmentCode },
            update: r.departmentName ? { name: r.departmentName } : {},
            select: { id: true },
          });
          departments.set(r.departmentCode, d.id);
        }
        if (r.teamCode && r.departmentCode && !teams.has(r.teamCode)) {
          const departmentId = departments.get(r.departmentCode) as string;
          const t = await tx.team.upsert({
            where: { code: r.teamCode },
            create: { code: r.teamCode, name: r.teamName || r.teamCode, departmentId },
            update: { departmentId, ...(r.teamName ? { name: r.teamName } : {}) },
            select: { id: true },
          });
          teams.set(r.teamCode, t.id);
        }
      }
      const ids = new Map<string, string>();
      for (const r of rows) {
        const existing = await tx.employee.findUnique({
          where: { employeeNo: r.employeeNo },
          select: { id: true, role: true, status: true },
        });
        const data = {
          name: r.name,
          email: r.email ?? null,
          phone: r.phone ?? null,
          hireDate: r.hireDate,
          ...(r.departmentCode ? { departmentId: departments.get(r.departmentCode) ?? null } : {}),
          ...(r.teamCode ? { teamId: teams.get(r.teamCode) ?? null } : {}),
          ...(r.status && r.status !== 'LEFT' ? { status: r.status } : {}),
        };
        if (existing) {
          // never lowers HR or ADMIN: privileges are granted in Kaopu only
          const role = existing.role === 'HR' || existing.role === 'ADMIN' ? {} : r.role ? { role: r.role } : {};
          await tx.employee.update({ where: { id: existing.id }, data: { ...data, ...role } });
          ids.set(r.employeeNo, existing.id);
          updated += 1;
          if (r.status === 'LEFT' && existing.status !== 'LEFT')
            leavers.push({ id: existing.id, leftDate: r.leftDate as string });
        } else {
          const e = await tx.employee.create({
            data: {
              employeeNo: r.employeeNo,
              ...data,
              role: r.role ?? 'EMPLOYEE',
              ...(r.status === 'LEFT' ? { status: 'LEFT' as const, leftDate: r.leftDate ?? null } : {}),
            },
            select: { id: true },
          });
          ids.set(r.employeeNo, e.id);
          created += 1;
        }
      }
      for (const r of rows) {
        if (!r.managerNo) continue;
        const managerId =
          ids.get(r.managerNo) ??
          (await tx.employee.findUnique({ where: { employeeNo: r.managerNo }, select: { id: true } }))?.id;
        if (managerId && managerId !== ids.get(r.employeeNo)) {
          await tx.employee.update({ where: { id: ids.get(r.employeeNo) as string }, data: { managerId } });
        }
      }
    },
    { timeout: 60_000 },
  );
  for (const l of leavers)
    await markLeft(kit, l.id, l.leftDate, { actorId: by.actorId, actorKind: 'employee', channel: 'import' });
  await kit.audit({
    actorId: by.actorId,
    actorKind: 'employee',
    action: 'employees.imported',
    subjectType: 'Employee',
    channel: 'http',
    details: { rows: rows.length, created, updated, left: leavers.length },
  });
  return { problems: [], created, updated, left: leavers.length };
}
