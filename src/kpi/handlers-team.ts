// `team` / `团队`: the manager's board from stored results; HR and admins may name any team.
import type { Card } from '../../cards/card.js';
import { teamBoardCard } from '../../cards/team-board-card.js';
import { refuse } from '../audit/refuse.js';
import type { CommandContext } from '../bot/registry.js';
import { KaopuError } from '../errors.js';
import { closestNames, exactName } from '../shared/index.js';
import { previousPeriod, splitPeriod } from '../time/period.js';
import type { KpiContext } from './context.js';
import { isBelowTarget, scoreDelta } from './insights.js';
import { markMissing } from './pending.js';
import type { KpiInputs } from './rules.js';
import { findTeam, managedTeamIds, teamById, teamResults } from './store-views.js';

/** The team a name means, by name, code, pinyin or a near miss; a manager only their own. */
async function namedTeam(kpi: KpiContext, ctx: CommandContext, name: string): Promise<{ id: string; name: string }> {
  const { db, access, audit } = kpi.deps;
  const { actor, t } = ctx;
  const shown = name.slice(0, 40);
  const all = await db.team.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } });
  const scope = await access.scope(actor);
  const mayView = (id: string) => scope.all || scope.teamIds.has(id);
  const team = (await findTeam(db, name)) ?? exactName(name, all);
  if (!team) {
    const near = closestNames(
      name,
      all.filter((x) => mayView(x.id)),
      5,
    );
    if (near.length === 0) throw new KaopuError('names.team_not_found', { params: { name: shown } });
    const list = near.map((x) => x.name).join(t('list.separator_short'));
    throw new KaopuError('names.team_suggest', { params: { name: shown, list } });
  }
  if (!mayView(team.id)) {
    const mine = all.filter((x) => mayView(x.id)).map((x) => x.name);
    await refuse(
      audit,
      ctx,
      { action: 'kpi.team.refused', subjectType: 'Team', subjectId: team.id },
      new KaopuError('names.team_not_yours', {
        status: 403,
        params: { name: team.name, list: mine.join(t('list.separator_short')) || '—' },
      }),
    );
  }
  return team;
}

export async function showTeam(kpi: KpiContext, ctx: CommandContext): Promise<Card[]> {
  const { db, audit } = kpi.deps;
  const { actor, t, args, now } = ctx;
  const { period, rest } = splitPeriod(args, now, actor.timeZone);
  const name = rest.join(' ');
  const hr = actor.role === 'HR' || actor.role === 'ADMIN';
  let team: { id: string; name: string } | null;
  if (name) {
    team = await namedTeam(kpi, ctx, name);
  } else {
    const managed = await managedTeamIds(db, actor.id);
    const id = managed[0] ?? (hr ? actor.teamId : null);
    team = id ? await teamById(db, id) : null;
    if (!team) throw new KaopuError('kpi.team.no_team');
  }
  await kpi.ready();
  await audit({
    actorId: actor.id,
    actorKind: 'employee',
    action: 'kpi.team.read',
    subjectType: 'Team',
    subjectId: team.id,
    channel: ctx.event.platform,
    details: { period },
  });
  const prev = previousPeriod(period);
  const rows = await teamResults(db, team.id, [period, prev]);
  const stored = new Set(rows.filter((r) => r.period === period).map((r) => r.employeeId));
  const pending = await markMissing(kpi, period, { teamId: team.id }, stored);
  const before = new Map(rows.filter((r) => r.period === prev).map((r) => [r.employeeId, r.totalScore]));
  const board = rows
    .filter((r) => r.period === period)
    .map((r) => ({
      name: r.employee.name,
      score: r.totalScore,
      band: r.band,
      trend: scoreDelta(r.totalScore, before.get(r.employeeId)),
      below:
        r.totalScore === null
          ? []
          : (r.inputs as unknown as KpiInputs).metrics.filter(isBelowTarget).map((m) => m.metric),
    }))
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name));
  return [teamBoardCard({ team: team.name, period, rows: board, pending: pending.length }, t)];
}
