// Directory sync: a platform's contacts API (through its adapter) creates and updates Department,
// Team and Employee rows and that platform's ChatIdentity. A user is matched to an existing
// employee by their identity, else by employee number, e-mail or mobile; two employees matching
// one user, or one user id listed twice with different details, is an IdentityConflict for HR,
// never a guess. Each page is retried a few times; a page that still fails is recorded as a
// SyncError and the run goes on, so what synced stays and the next run picks up the rest.
import type { DirectoryUser, PlatformDirectory } from '../bot/adapter.js';
import type { PlatformName } from '../bot/event.js';
import type { FeatureKit } from '../bot/feature.js';
import { localParts } from '../time/zoned.js';
import { dbPlatform } from './codes.js';
import { markLeft } from './leavers.js';

export interface SyncSummary {
  platform: PlatformName;
  departments: number;
  created: number;
  updated: number;
  conflicts: number;
  left: number;
  failedPages: number;
}

const ATTEMPTS = 3;
/** People placed per transaction. */
const CHUNK = 200;
type Tx = Pick<FeatureKit['db'], 'identityConflict'>;

async function withRetry<T>(run: () => Promise<T>, delayMs: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      const retryable = (err as { retryable?: boolean }).retryable !== false;
      if (attempt >= ATTEMPTS || !retryable) throw err;
      await new Promise((r) => setTimeout(r, delayMs * attempt));
    }
  }
}

const normEmail = (e: string | null | undefined) => e?.trim().toLowerCase() || undefined;
/** Mainland mobiles come as "+86 138…", "+8613…" or "138…": compare the national number. */
const normMobile = (m: string | null | undefined) => {
  const digits = m?.replace(/[^\d]/g, '');
  if (!digits) return undefined;
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
};

function sameUser(a: DirectoryUser, b: DirectoryUser): boolean {
  return (
    a.name === b.name &&
    normEmail(a.email) === normEmail(b.email) &&
    normMobile(a.mobile) === normMobile(b.mobile) &&
    (a.employeeNo ?? '') === (b.employeeNo ?? '')
  );
}

export async function syncDirectory(
  kit: FeatureKit,
  platform: PlatformName,
  directory: PlatformDirectory,
  options: { retryDelayMs?: number } = {},
): Promise<SyncSummary> {
  const { db } = kit;
  const delay = options.retryDelayMs ?? 300;
  const source = `${platform}-directory`;
  const code = (id: string) => `${platform}-${id}`;
  const summary: SyncSummary = {
    platform,
    departments: 0,
    created: 0,
    updated: 0,
    conflicts: 0,
    left: 0,
    failedPages: 0,
  };
  const now = kit.now();

  async function conflict(client: Tx, userId: string, name: string, reason: string, candidates: string[]) {
    summary.conflicts += 1;
    await client.identityConflict.upsert({
      where: { source_platformUserId_reason: { source: platform, platformUserId: userId, reason } },
      create: {
        source: platform,
        platformUserId: userId,
        name: name.slice(0, 200),
        reason,
        candidates: candidates.join(','),
        createdAt: now,
      },
      update: { name: name.slice(0, 200), candidates: candidates.join(','), resolvedAt: null },
    });
  }

  // 1. Departments (and one team each, where the department's members belong).
  const departments = await withRetry(() => directory.departments(), delay);
  const departmentIds = new Map<string, string>();
  const teamIds = new Map<string, string>();
  for (const d of departments) {
    const row = await db.department.upsert({
      where: { code: code(d.id) },
      create: { code: code(d.id), name: d.name },
      update: { name: d.name },
      select: { id: true },
    });
    departmentIds.set(d.id, row.id);
    const team = await db.team.upsert({
      where: { code: code(d.id) },
      create: { code: code(d.id), name: d.name, departmentId: row.id },
      update: { name: d.name, departmentId: row.id },
      select: { id: true },
    });
    teamIds.set(d.id, team.id);
  }
  for (const d of departments) {
    const parentId = d.parentId ? (departmentIds.get(d.parentId) ?? null) : null;
    await db.department.update({ where: { code: code(d.id) }, data: { parentId } });
  }
  summary.departments = departments.length;

  // 2. Users, page by page; a page that keeps failing is recorded and skipped.
  const users = new Map<string, DirectoryUser>();
  const duplicated = new Set<string>();
  for (const d of departments) {
    let cursor: string | undefined;
    do {
      let page: Awaited<ReturnType<PlatformDirectory['users']>>;
      try {
        page = await withRetry(() => directory.users(d.id, cursor), delay);
      } catch (err) {
        summary.failedPages += 1;
        await db.syncError.create({
          data: {
            source,
            entity: 'users',
            externalId: d.id,
            message: (err as Error).message.slice(0, 500),
            createdAt: now,
          },
        });
        break;
      }
      for (const u of page.users) {
        const seen = users.get(u.userId);
        if (!seen) users.set(u.userId, { ...u, departmentIds: [...u.departmentIds] });
        else if (sameUser(seen, u)) {
          for (const id of u.departmentIds) if (!seen.departmentIds.includes(id)) seen.departmentIds.push(id);
        } else duplicated.add(u.userId);
      }
      cursor = page.next;
    } while (cursor);
  }

  // 3. Place each user: their identity, else one employee by number, e-mail or mobile.
  const p = dbPlatform(platform);
  const employees = await db.employee.findMany({
    select: { id: true, employeeNo: true, email: true, phone: true, status: true },
  });
  const info = new Map<string, { email: string | null; phone: string | null; status: string }>(
    employees.map((e) => [e.id, e]),
  );
  const byNo = new Map(employees.map((e) => [e.employeeNo, e.id]));
  const byEmail = new Map<string, string[]>();
  const byMobile = new Map<string, string[]>();
  for (const e of employees) {
    const email = normEmail(e.email);
    if (email) byEmail.set(email, [...(byEmail.get(email) ?? []), e.id]);
    const mobile = normMobile(e.phone);
    if (mobile) byMobile.set(mobile, [...(byMobile.get(mobile) ?? []), e.id]);
  }
  const identities = new Map(
    (
      await db.chatIdentity.findMany({ where: { platform: p }, select: { platformUserId: true, employeeId: true } })
    ).map((i) => [i.platformUserId, i.employeeId]),
  );
  const linkedEmployees = new Set(identities.values());
  const today = localParts(now, kit.config.timeZone).date;
  const placed = new Map<string, string>();

  // In chunks, each one transaction (one commit instead of several per person); audits and
  // leaver hand-overs follow each chunk's commit.
  const all = [...users.values()];
  for (let start = 0; start < all.length; start += CHUNK) {
    const audits: Parameters<typeof kit.audit>[0][] = [];
    const leavers: string[] = [];
    await db.$transaction(
      async (tx) => {
        for (const u of all.slice(start, start + CHUNK)) {
          if (duplicated.has(u.userId)) {
            await conflict(tx, u.userId, u.name, 'duplicate', []);
            continue;
          }
          const main = u.departmentIds.find((id) => departmentIds.has(id));
          const org = main ? { departmentId: departmentIds.get(main) ?? null, teamId: teamIds.get(main) ?? null } : {};
          let employeeId = identities.get(u.userId);
          if (!employeeId) {
            const candidates = new Set<string>();
            const no = u.employeeNo ? byNo.get(u.employeeNo) : undefined;
            if (no) candidates.add(no);
            for (const id of byEmail.get(normEmail(u.email) ?? '') ?? []) candidates.add(id);
            for (const id of byMobile.get(normMobile(u.mobile) ?? '') ?? []) candidates.add(id);
            if (candidates.size > 1) {
              await conflict(tx, u.userId, u.name, 'ambiguous', [...candidates]);
              continue;
            }
            const [match] = candidates;
            if (match && linkedEmployees.has(match)) {
              // that employee already has another account on this platform
              await conflict(tx, u.userId, u.name, 'taken', [match]);
              continue;
            }
            if (match) {
              employeeId = match;
            } else {
              if (u.left) continue;
              const created = await tx.employee.create({
                data: {
                  employeeNo: u.employeeNo && !byNo.has(u.employeeNo) ? u.employeeNo : code(u.userId).slice(0, 64),
                  name: u.name,
                  email: u.email ?? null,
                  phone: u.mobile ?? null,
                  hireDate: today,
                  ...org,
                },
                select: { id: true, employeeNo: true },
              });
              byNo.set(created.employeeNo, created.id);
              info.set(created.id, { email: u.email ?? null, phone: u.mobile ?? null, status: 'ACTIVE' });
              employeeId = created.id;
              summary.created += 1;
            }
            await tx.chatIdentity.create({
              data: {
                platform: p,
                platformUserId: u.userId,
                employeeId,
                displayName: u.name.slice(0, 200),
                linkedAt: now,
              },
            });
            linkedEmployees.add(employeeId);
            audits.push({
              actorKind: 'system',
              action: 'identity.linked',
              subjectType: 'Employee',
              subjectId: employeeId,
              channel: platform,
              details: { platform, platformUserId: u.userId, method: 'directory' },
            });
          }
          placed.set(u.userId, employeeId);
          const current = info.get(employeeId);
          if (!current) continue;
          if (u.left) {
            if (current.status !== 'LEFT') leavers.push(employeeId);
            continue;
          }
          await tx.employee.update({
            where: { id: employeeId },
            data: {
              ...org,
              // fill what is missing; Kaopu's own values win where both exist
              ...(!current.email && u.email ? { email: u.email } : {}),
              ...(!current.phone && u.mobile ? { phone: u.mobile } : {}),
            },
          });
          summary.updated += 1;
        }
      },
      { timeout: 120_000 },
    );
    for (const entry of audits) await kit.audit(entry);
    for (const id of leavers) {
      if (await markLeft(kit, id, today, { actorKind: 'system', channel: platform })) summary.left += 1;
    }
  }

  // 4. Managers, once everyone is placed.
  const reportsTo = all.flatMap((u) => {
    const employeeId = placed.get(u.userId);
    const managerId = u.managerUserId ? placed.get(u.managerUserId) : undefined;
    return employeeId && managerId && managerId !== employeeId ? [{ employeeId, managerId }] : [];
  });
  for (let start = 0; start < reportsTo.length; start += CHUNK) {
    await db.$transaction(
      reportsTo
        .slice(start, start + CHUNK)
        .map(({ employeeId, managerId }) => db.employee.update({ where: { id: employeeId }, data: { managerId } })),
    );
  }

  await kit.audit({
    actorKind: 'system',
    action: 'directory.synced',
    subjectType: 'Platform',
    subjectId: platform,
    channel: platform,
    details: { ...summary },
  });
  return summary;
}
