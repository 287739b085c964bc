import type { Card } from '../../cards/card.js';
import { noticeCard } from '../../cards/notice-card.js';
import { auditRefusal } from '../audit/refuse.js';
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
  await auditRefusal(deps.audit, ctx, {
    action: 'report.refused',
    subjectType: request.kind,
    subjectId: request.subjectId,
    details: { reason, period: request.period },
  });
  return [noticeCard({ body: ctx.t(reason), tone: 'warning' }, ctx.t)];
}
