// Every refusal is audited the same way: who asked, for what, on which channel, and why not.
import type { Actor } from '../bot/actor.js';
import type { PlatformName } from '../bot/event.js';
import type { KaopuError } from '../errors.js';
import type { Audit } from './audit.js';

/** What was refused: `action` is the audit action (`report.refused`, `kpi.why.refused`, …). */
export interface RefusalEntry {
  action: string;
  subjectType: string;
  subjectId?: string;
  details?: Record<string, unknown>;
}

/** The asker: any handler context has these. */
export interface Asker {
  actor: Pick<Actor, 'id'>;
  event: { platform: PlatformName };
}

/** Writes the refusal's audit row; the caller answers the user. */
export async function auditRefusal(audit: Audit, asker: Asker, entry: RefusalEntry): Promise<void> {
  await audit({
    actorId: asker.actor.id,
    actorKind: 'employee',
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    channel: asker.event.platform,
    details: entry.details,
  });
}

/** Audits the refusal, then throws the user's one-sentence answer (a 403 KaopuError). */
export async function refuse(audit: Audit, asker: Asker, entry: RefusalEntry, answer: KaopuError): Promise<never> {
  await auditRefusal(audit, asker, entry);
  throw answer;
}
