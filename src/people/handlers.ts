// `termination check`, `contract` and `hiring conditions`: the records the pre-check reads and
// the check itself, which proves or lists as missing, never decides.
import { createHash } from 'node:crypto';
import type { Card } from '../../cards/card.js';
import {
  acknowledgedCard,
  conditionsCard,
  contractCard,
  precheckCard,
  probationReportCard,
} from '../../cards/people-cards.js';
import type { FeatureKit } from '../bot/feature.js';
import type { ActionContext, CommandContext } from '../bot/registry.js';
import { KaopuError } from '../errors.js';
import { createFileService, publishWorkbook } from '../files/index.js';
import { formatLocalTime } from '../time/format-local-time.js';
import { localDate } from '../time/zoned.js';
import { type ContractFacts, type ContractTerm, terminationPrecheck } from './labour-law.js';
import { probationRows } from './probation.js';

const TERM_WORDS: Record<string, ContractTerm> = {
  fixed: 'FIXED',
  固定: 'FIXED',
  open: 'OPEN_ENDED',
  无固定: 'OPEN_ENDED',
  task: 'TASK',
  任务: 'TASK',
};
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function date(value: string | undefined, optional: boolean): string | null {
  if (optional && (value === '-' || value === undefined)) return null;
  if (!value || !DATE.test(value))
    throw new KaopuError('people.bad_date', { params: { value: (value ?? '').slice(0, 20) } });
  return value;
}

export function peopleHandlers(kit: FeatureKit) {
  const { db } = kit;

  async function person(
    ctx: CommandContext,
    text: string | undefined,
    usage: 'people.usage.precheck' | 'people.usage.contract',
  ) {
    if (!text) throw new KaopuError(usage);
    const found = await db.employee.findMany({
      where: { OR: [{ name: text }, { employeeNo: text.toUpperCase() }, { id: text }] },
      select: { id: true, name: true, employeeNo: true },
      orderBy: { employeeNo: 'asc' },
      take: 5,
    });
    if (!found.length)
      throw new KaopuError('people.person_not_found', { status: 404, params: { name: text.slice(0, 40) } });
    if (found.length > 1) {
      const choices = found.map((p) => `${p.name} ${p.employeeNo}`).join(', ');
      throw new KaopuError('people.person_ambiguous', { params: { name: text.slice(0, 40), choices } });
    }
    const one = found[0] as (typeof found)[number];
    if (!(await kit.access.employee(ctx.actor, one.id))) {
      throw new KaopuError('people.person_not_found', { status: 404, params: { name: text.slice(0, 40) } });
    }
    return one;
  }

  const files = createFileService({ db, publicBaseUrl: kit.config.publicBaseUrl, links: kit.links });

  const latestContract = (employeeId: string) =>
    db.employmentContract.findFirst({ where: { employeeId }, orderBy: { startsOn: 'desc' } });

  return {
    async precheck(ctx: CommandContext): Promise<Card[]> {
      const [name, when] = ctx.args;
      const who = await person(ctx, name, 'people.usage.precheck');
      const decisionOn = when ? (date(when, false) as string) : localDate(ctx.now, ctx.actor.timeZone);
      const [contract, ack, assessments] = await Promise.all([
        latestContract(who.id),
        db.probationAcknowledgement.findFirst({ where: { employeeId: who.id }, orderBy: { acknowledgedAt: 'desc' } }),
        db.probationAssessment.findMany({ where: { employeeId: who.id }, orderBy: { assessedOn: 'asc' } }),
      ]);
      const facts: ContractFacts | null = contract && {
        term: contract.term,
        startsOn: contract.startsOn,
        endsOn: contract.endsOn,
        probationStartsOn: contract.probationStartsOn ?? contract.startsOn,
        probationEndsOn: contract.probationEndsOn,
        earlierProbation: contract.earlierProbation,
      };
      const items = terminationPrecheck({
        contract: facts,
        decisionOn,
        acknowledgement: ack
          ? { id: ack.id, acknowledgedOn: localDate(ack.acknowledgedAt, ctx.actor.timeZone), document: ack.document }
          : null,
        assessments: assessments.map((a) => ({
          id: a.id,
          assessedOn: a.assessedOn,
          signedBy: a.assessorId,
          result: a.result,
          notes: a.notes,
        })),
      });
      // Who ran the check and when is part of the record (the issue: Kaopu never decides).
      await kit.audit.as(ctx)({
        action: 'people.termination_check',
        subjectType: 'Employee',
        subjectId: who.id,
        details: { decisionOn, missing: items.filter((i) => !i.pass).map((i) => i.item) },
      });
      return [
        precheckCard(
          {
            name: who.name,
            decisionOn,
            items,
            ranBy: ctx.actor.name,
            ranAt: formatLocalTime(ctx.now, ctx.actor.timeZone),
          },
          ctx.t,
        ),
      ];
    },

    async contract(ctx: CommandContext): Promise<Card[]> {
      const [name, termWord, start, end, probationEnd, again] = ctx.args;
      const who = await person(ctx, name, 'people.usage.contract');
      if (!termWord) {
        const c = await latestContract(who.id);
        await kit.audit.as(ctx)({ action: 'people.contract.read', subjectType: 'Employee', subjectId: who.id });
        return [contractCard(c ? { name: who.name, ...c } : { name: who.name, none: true }, false, ctx.t)];
      }
      const term = TERM_WORDS[termWord.toLowerCase()];
      if (!term) throw new KaopuError('people.usage.contract');
      const startsOn = date(start, false) as string;
      const data = {
        employeeId: who.id,
        term,
        startsOn,
        endsOn: term === 'FIXED' ? date(end, false) : date(end, true),
        probationStartsOn: startsOn,
        probationEndsOn: date(probationEnd, true),
        earlierProbation: again === 'again' || again === '曾试用',
      };
      const saved = await db.employmentContract.create({ data });
      await kit.audit.as(ctx)({
        action: 'people.contract.write',
        subjectType: 'EmploymentContract',
        subjectId: saved.id,
      });
      return [contractCard({ name: who.name, ...saved }, true, ctx.t)];
    },

    async probation(ctx: CommandContext): Promise<Card[]> {
      const rows = await probationRows(kit, ctx);
      const t = ctx.t;
      const xlsxUrl = rows.length
        ? await publishWorkbook(files, {
            kind: 'probation',
            baseName: `${t('people.probation.sheet')}_${localDate(ctx.now, ctx.actor.timeZone)}`,
            sheets: [
              {
                name: t('people.probation.sheet'),
                columns: [
                  t('people.probation.person'),
                  t('people.probation.position'),
                  t('people.probation.ends'),
                  t('people.probation.col.criterion'),
                  t('people.probation.col.value'),
                  t('people.probation.col.met'),
                  t('people.probation.col.records'),
                ],
                rows: rows.flatMap((r) =>
                  r.criteria.map((c) => [
                    `${r.name} ${r.employeeNo}`,
                    r.position,
                    r.endsOn,
                    `${c.description} (${c.comparator} ${c.threshold})`,
                    c.value,
                    c.met === null ? '' : t(c.met ? 'people.yes' : 'people.no'),
                    c.recordIds.join(' '),
                  ]),
                ),
              },
            ],
            requestedById: ctx.actor.id,
            now: ctx.now,
          })
        : null;
      await kit.audit.as(ctx)({
        action: 'people.probation.report',
        subjectType: 'Employee',
        details: { people: rows.length },
      });
      return [probationReportCard({ rows, xlsxUrl }, t)];
    },

    async conditions(ctx: CommandContext): Promise<Card[]> {
      const contract = await latestContract(ctx.actor.id);
      const text = contract?.hiringConditions ?? null;
      const ack = text
        ? await db.probationAcknowledgement.findFirst({
            where: { employeeId: ctx.actor.id, documentHash: hashOf(text) },
          })
        : null;
      return [
        conditionsCard(
          { text, acknowledgedAt: ack ? formatLocalTime(ack.acknowledgedAt, ctx.actor.timeZone) : null },
          ctx.t,
        ),
      ];
    },

    async acknowledge(ctx: ActionContext): Promise<Card[]> {
      const contract = await latestContract(ctx.actor.id);
      const text = contract?.hiringConditions;
      if (!text) return [conditionsCard({ text: null, acknowledgedAt: null }, ctx.t)];
      const documentHash = hashOf(text);
      const existing = await db.probationAcknowledgement.findFirst({
        where: { employeeId: ctx.actor.id, documentHash },
      });
      const at = existing?.acknowledgedAt ?? ctx.now;
      if (!existing) {
        // The exact text and its hash: what was acknowledged can be shown later, word for word.
        const row = await db.probationAcknowledgement.create({
          data: {
            employeeId: ctx.actor.id,
            document: text,
            documentHash,
            acknowledgedAt: at,
            channel: ctx.event.platform.toUpperCase() as 'CONSOLE',
          },
        });
        await kit.audit.as(ctx)({
          action: 'people.conditions.acknowledge',
          subjectType: 'ProbationAcknowledgement',
          subjectId: row.id,
        });
      }
      return [acknowledgedCard(formatLocalTime(at, ctx.actor.timeZone), ctx.t)];
    },
  };
}

function hashOf(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}
