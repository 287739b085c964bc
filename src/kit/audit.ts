// `kit.audit`: the audit log with the actor filled in. `kit.audit.as(ctx)` binds the employee
// behind a chat event and its channel, so a handler states only what happened.
import type { Audit, AuditEntry } from '../audit/audit.js';

export type BoundAudit = (entry: Omit<AuditEntry, 'actorId' | 'actorKind' | 'channel'>) => Promise<void>;

export interface KitAudit {
  (entry: AuditEntry): Promise<void>;
  /** Bound to the person acting in a chat handler (`ctx`) and the platform they used. */
  as(ctx: { actor: { id: string }; event: { platform: string } }): BoundAudit;
  /** For jobs and listeners: nobody acted, the system did. */
  system: BoundAudit;
}

export function createKitAudit(audit: Audit): KitAudit {
  const kitAudit = ((entry: AuditEntry) => audit(entry)) as KitAudit;
  kitAudit.as = (ctx) => (entry) =>
    audit({ ...entry, actorId: ctx.actor.id, actorKind: 'employee', channel: ctx.event.platform });
  kitAudit.system = (entry) => audit({ ...entry, actorKind: 'system' });
  return kitAudit;
}
