import type { Db } from '../db/client.js';

export interface AuditEntry {
  actorId?: string | null;
  actorKind: 'employee' | 'console' | 'api_key' | 'system';
  action: string;
  subjectType?: string;
  subjectId?: string;
  channel?: string;
  /** Ids and codes only: never names, phones or locations. */
  details?: Record<string, unknown>;
}

export type Audit = (entry: AuditEntry) => Promise<void>;

export function createAudit(db: Db, now: () => Date): Audit {
  return async (entry) => {
    await db.auditLog.create({
      data: {
        at: now(),
        actorId: entry.actorId ?? null,
        actorKind: entry.actorKind,
        action: entry.action,
        subjectType: entry.subjectType ?? null,
        subjectId: entry.subjectId ?? null,
        channel: entry.channel ?? null,
        details: (entry.details ?? undefined) as never,
      },
    });
  };
}
