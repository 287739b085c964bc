import type { Card } from '../../cards/card.js';
import { noticeCard } from '../../cards/notice-card.js';
import type { CommandContext } from '../bot/registry.js';
import type { ReportDeps } from './report-deps.js';
import type { Refusal, ReportKind } from './rules.js';

/** A polite one-sentence refusal, with an audit row saying what was asked for. */
export async function refuseReport(
  ctx: CommandContext,
  deps: ReportDeps,
  reason: Refusal,
  request: { kind: ReportKind; period: string; subjectId?: string },
): Promise<Card[]> {
  await deps.audit({
    actorId: ctx.actor.id,
    actorKind: 'employee',
    action: 'report.refused',
    subjectType: request.kind,
    subjectId: request.subjectId,
    channel: ctx.event.platform,
    details: { reason, period: request.period },
  });
  return [noticeCard({ body: ctx.t(reason), tone: 'warning' }, ctx.t)];
}
