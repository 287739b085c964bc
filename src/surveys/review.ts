// After an answer: a low score or an integrity flag tells the engineer's manager, with the
// evidence. Interim: the alerts feature's low-rating rule takes low scores over when it lands.
import { surveyReviewCard } from '../../cards/survey-cards.js';
import type { FeatureKit } from '../bot/feature.js';
import type { Translate } from '../i18n/index.js';
import { formatLocalTime } from '../time/format-local-time.js';
import { type Flag, parseFlags } from './answer.js';
import { isLow } from './rules.js';

export function evidenceText(flag: Flag, t: Translate, timeZone: string): string {
  switch (flag.code) {
    case 'too_fast':
      return t('surveys.flag.too_fast', { seconds: flag.seconds });
    case 'engineer_device':
      return t('surveys.flag.engineer_device', { at: formatLocalTime(new Date(flag.checkInAt), timeZone) });
    case 'engineer_position':
      return t('surveys.flag.engineer_position', {
        at: formatLocalTime(new Date(flag.checkInAt), timeZone),
        meters: flag.fromCheckInM,
        siteMeters: flag.fromSiteM < 0 ? '?' : flag.fromSiteM,
      });
  }
}

export async function reviewAnswer(kit: FeatureKit, answerId: string): Promise<void> {
  const answer = await kit.db.surveyAnswer.findUnique({
    where: { id: answerId },
    select: {
      id: true,
      csat: true,
      nps: true,
      comment: true,
      tags: true,
      flags: true,
      employeeId: true,
      employee: { select: { name: true, timeZone: true } },
      workOrder: { select: { externalId: true } },
    },
  });
  if (!answer) return;
  const flags = parseFlags(answer.flags);
  const low = isLow(answer);
  if (!low && flags.length === 0) return;
  let tags: string[] = [];
  try {
    tags = (JSON.parse(answer.tags) as unknown[]).filter((x): x is string => typeof x === 'string');
  } catch {}
  await kit.notify(
    { managerOf: answer.employeeId },
    (t) =>
      surveyReviewCard(
        {
          engineer: answer.employee.name,
          order: answer.workOrder?.externalId ?? null,
          csat: answer.csat,
          nps: answer.nps,
          comment: answer.comment,
          tags: tags.map((tag) => t(`surveys.tag.${tag}` as Parameters<Translate>[0])),
          low,
          evidence: flags.map((f) => evidenceText(f, t, answer.employee.timeZone)),
        },
        t,
      ),
    { dedupeKey: `surveys.review:${answer.id}` },
  );
}
