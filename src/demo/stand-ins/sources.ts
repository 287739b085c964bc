// Demo only: the three stand-in systems configured as generic REST sources — by mapping alone,
// exactly as an operator would write them in sources/*.yaml — so the demo runs through the real
// connector code (paging, cursors, retries, rate limits, the record functions).
import { parseSourceConfig, type SourceConfig } from '../../connectors/index.js';

export const STAND_IN_PREFIX = '/demo-systems';

export function standInSources(origin: string): SourceConfig[] {
  const base = `${origin}${STAND_IN_PREFIX}`;
  const raw = [
    {
      code: 'demo-fieldops',
      name: 'FieldOps work orders (demo stand-in)',
      recordType: 'workOrder',
      baseUrl: `${base}/fieldops/v2`,
      request: { path: '/jobs', recordsPath: 'result.rows' },
      paging: { style: 'page', pageParam: 'page', sizeParam: 'per_page', size: 5 },
      incremental: { param: 'changed_since', field: 'times.changed' },
      everyMinutes: 2,
      rateLimit: { requests: 5, perMs: 1000, concurrency: 1 },
      mapping: {
        externalId: 'ticket_no',
        title: 'summary',
        assignee: 'engineer.mail',
        status: {
          path: 'state',
          transform: 'enum',
          map: { 待派单: 'OPEN', 处理中: 'IN_PROGRESS', 已完成: 'COMPLETED' },
        },
        openedAt: { path: 'times.created', transform: 'date', format: 'yyyy-MM-dd HH:mm', zone: 'Asia/Shanghai' },
        completedAt: { path: 'times.done', transform: 'date', format: 'yyyy-MM-dd HH:mm', zone: 'Asia/Shanghai' },
        difficulty: { path: 'lvl', transform: 'integer', default: 1 },
      },
    },
    {
      code: 'demo-crm',
      name: 'CRM deals (demo stand-in)',
      recordType: 'crmOrder',
      baseUrl: `${base}/crm/api`,
      request: { path: '/deals', recordsPath: 'data' },
      paging: { style: 'offset', offsetParam: 'offset', limitParam: 'limit', size: 2 },
      incremental: { param: 'modified_since', field: 'modified' },
      everyMinutes: 5,
      rateLimit: { requests: 2, perMs: 1000, concurrency: 1 },
      mapping: {
        externalId: 'deal_id',
        employee: 'owner.staff_email',
        amountCents: { path: 'amount', transform: 'cents' },
        orderedAt: { path: 'signed_at', transform: 'date', format: 'yyyy/MM/dd HH:mm', zone: 'Asia/Shanghai' },
        status: { path: 'stage', transform: 'enum', map: { 赢单: 'won', 洽谈中: 'open' } },
      },
    },
    {
      code: 'demo-helpdesk',
      name: 'Helpdesk tickets (demo stand-in)',
      recordType: 'ticket',
      baseUrl: `${base}/helpdesk/api`,
      request: { path: '/tickets', recordsPath: 'items' },
      paging: { style: 'nextLink', nextLinkPath: 'links.next', sizeParam: 'limit', size: 10 },
      incremental: { param: 'updated_after', field: 'updated' },
      everyMinutes: 3,
      rateLimit: { requests: 5, perMs: 1000, concurrency: 1 },
      mapping: {
        externalId: 'id',
        employee: 'agent.email',
        channel: {
          path: 'medium',
          transform: 'enum',
          map: { im: 'chat', tel: 'phone', mail: 'email' },
          otherwise: 'other',
        },
        openedAt: { path: 'opened', transform: 'date', format: 'epoch-s' },
        firstResponseAt: { path: 'first_reply', transform: 'date', format: 'epoch-s' },
        resolvedAt: { path: 'closed', transform: 'date', format: 'epoch-s' },
        status: { path: 'state', transform: 'enum', map: { closed: 'solved', open: 'open' } },
        isComplaint: { path: 'complaint', transform: 'boolean', default: false },
      },
    },
  ];
  return raw.map((source) => parseSourceConfig(source, `demo stand-in ${source.code}`));
}
