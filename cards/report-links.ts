import type { Translate } from '../src/i18n/index.js';
import type { Block } from './card.js';

export interface ReportLinks {
  xlsxUrl: string;
  csvUrl: string;
  ttlHours: number;
}

/** The download buttons and the expiry line every report card ends with. */
export function reportLinkBlocks(links: ReportLinks, t: Translate): Block[] {
  return [
    {
      type: 'actions',
      buttons: [
        { url: links.xlsxUrl, label: t('reports.button.xlsx') },
        { url: links.csvUrl, label: t('reports.button.csv') },
      ],
    },
    { type: 'text', text: t('reports.links_expire', { hours: links.ttlHours }) },
  ];
}
