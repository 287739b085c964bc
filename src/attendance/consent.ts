// PIPL: a location trail (行踪轨迹) is sensitive personal information, so nothing is stored
// before the employee consents to this purpose; consent is revocable.
import type { Db } from '../db/client.js';

export const CONSENT_PURPOSE = 'attendance.location';
export const RETENTION_DAYS = 180;

export async function hasConsent(db: Db, employeeId: string): Promise<boolean> {
  const row = await db.consent.findFirst({
    where: { employeeId, purpose: CONSENT_PURPOSE, revokedAt: null },
    select: { id: true },
  });
  return row !== null;
}

export async function grantConsent(db: Db, employeeId: string, at: Date): Promise<boolean> {
  if (await hasConsent(db, employeeId)) return false;
  await db.consent.create({ data: { employeeId, purpose: CONSENT_PURPOSE, grantedAt: at } });
  return true;
}

export async function revokeConsent(db: Db, employeeId: string, at: Date): Promise<boolean> {
  const { count } = await db.consent.updateMany({
    where: { employeeId, purpose: CONSENT_PURPOSE, revokedAt: null },
    data: { revokedAt: at },
  });
  return count > 0;
}
