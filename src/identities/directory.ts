// `directory` / 通讯录 (HR): the open sync conflicts; `directory sync` runs the sync now. The same
// sync runs nightly as a job for every configured platform with a directory (WeCom, DingTalk).
import type { Card } from '../../cards/card.js';
import { makeCard } from '../../cards/card.js';
import { noticeCard } from '../../cards/notice-card.js';
import type { PlatformName } from '../bot/event.js';
import type { FeatureKit } from '../bot/feature.js';
import type { CommandContext } from '../bot/registry.js';
import type { Translate } from '../i18n/index.js';
import { localParts } from '../time/zoned.js';
import { syncDirectory } from './directory-sync.js';

const DIRECTORY_PLATFORMS: readonly PlatformName[] = ['wecom', 'dingtalk'];
const REASONS = ['ambiguous', 'duplicate', 'taken'] as const;

/** Syncs every configured directory; one platform failing does not stop the other. */
export async function syncAll(kit: FeatureKit, t?: Translate): Promise<string[]> {
  const lines: string[] = [];
  for (const platform of DIRECTORY_PLATFORMS) {
    const directory = kit.platformUsers.directory(platform);
    if (!directory) continue;
    try {
      const s = await syncDirectory(kit, platform, directory);
      kit.logger.info({ ...s }, 'directory synced');
      if (t) lines.push(t('identities.directory.synced', { ...s, platform: t(`platform.${platform}`) }));
    } catch (err) {
      kit.logger.error({ platform, reason: (err as Error).message }, 'directory sync failed');
      if (t) {
        const reason = (err as Error).message.slice(0, 120);
        lines.push(t('identities.directory.failed', { platform: t(`platform.${platform}`), reason }));
      }
    }
  }
  return lines;
}

export function registerDirectoryJob(kit: FeatureKit): void {
  kit.jobs.register({
    name: 'identities.directory-sync',
    cron: '30 2 * * *',
    timeZone: kit.config.timeZone,
    runKey: (now) => localParts(now, kit.config.timeZone).date,
    run: async () => void (await syncAll(kit)),
  });
}

export async function directoryCommand(kit: FeatureKit, ctx: CommandContext): Promise<Card[]> {
  const { t } = ctx;
  if (['sync', '同步'].includes(ctx.args[0]?.toLowerCase() ?? '')) {
    await kit.audit.as(ctx)({ action: 'directory.sync_requested', subjectType: 'Platform' });
    const lines = await syncAll(kit, t);
    const body = lines.length ? lines.join('\n') : t('identities.directory.no_platform');
    return [noticeCard({ body, tone: lines.length ? 'success' : 'warning' }, t)];
  }
  const open = await kit.db.identityConflict.findMany({
    where: { resolvedAt: null },
    orderBy: { createdAt: 'desc' },
    take: 50,
  });
  if (open.length === 0) return [noticeCard({ body: t('identities.directory.none') }, t)];
  const ids = [...new Set(open.flatMap((c) => (c.candidates ? c.candidates.split(',') : [])))];
  const names = new Map(
    (
      await kit.db.employee.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, employeeNo: true } })
    ).map((e) => [e.id, `${e.name} (${e.employeeNo})`]),
  );
  return [
    makeCard({
      title: t('identities.directory.title'),
      tone: 'warning',
      audience: 'personal',
      blocks: [
        {
          type: 'table',
          columns: [
            t('identities.directory.col.platform'),
            t('identities.directory.col.user'),
            t('identities.directory.col.reason'),
            t('identities.directory.col.candidates'),
          ],
          rows: open.map((c) => {
            const reason = REASONS.find((r) => r === c.reason);
            return [
              c.source,
              c.name ? `${c.name} (${c.platformUserId})` : c.platformUserId,
              reason ? t(`identities.directory.reason.${reason}`) : c.reason,
              c.candidates
                ? c.candidates
                    .split(',')
                    .map((id) => names.get(id) ?? id)
                    .join(', ')
                : '—',
            ];
          }),
        },
        { type: 'text', text: t('identities.directory.hint') },
      ],
    }),
  ];
}
