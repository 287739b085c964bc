// Every card a user meets on the demo and every export behind it, in zh-CN and en, read for
// internal identifiers: snake_case codes, dotted ids, UPPER_CASE enums and raw units.
import { describe, expect, it } from 'vitest';
import { type Card, cardButtons } from '../../cards/card.js';
import { nightlyRecompute } from '../../src/kpi/index.js';
import { readZip } from '../helpers/read-zip.js';
import { startTestApp } from '../helpers/test-app.js';
import { TEST_TODAY } from '../helpers/test-db.js';

const app = await startTestApp();
await nightlyRecompute(app.kpi.context, TEST_TODAY);

const PEOPLE = ['emp_liming', 'emp_chenjie', 'emp_qiantao', 'emp_wangjianguo', 'emp_malin'];

async function say(userId: string, text: string): Promise<Card[]> {
  const res = await app.server.inject({ method: 'POST', url: '/console/api/messages', payload: { userId, text } });
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Card[] }).replies;
}

async function press(userId: string, actionId: string, value?: string): Promise<Card[]> {
  const res = await app.server.inject({
    method: 'POST',
    url: '/console/api/actions',
    payload: { userId, actionId, value },
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { replies: Card[] }).replies;
}

/** The text of the cards and of every file they link to (XLSX shared strings, CSV). */
async function texts(cards: Card[]): Promise<string[]> {
  const out = cards.flatMap((c) => [c.text, ...cardButtons(c).map((b) => b.label)]);
  for (const b of cards.flatMap(cardButtons)) {
    if (!('url' in b) || b.url.includes('/charts/')) continue;
    const res = await app.server.inject({ method: 'GET', url: new URL(b.url).pathname });
    if (res.headers['content-type']?.toString().includes('spreadsheetml')) {
      const zip = readZip(res.rawPayload);
      out.push(
        ...[...zip.entries()].filter(([n]) => n.includes('sheet')).map(([, xml]) => xml.replace(/<[^>]+>/g, ' ')),
      );
    } else out.push(res.body);
  }
  return out;
}

/** A card's own words: title, text, fields, bar captions and buttons, not table cells of records. */
function prose(card: Card): string[] {
  return [
    card.title,
    ...card.blocks.flatMap((b) =>
      b.type === 'text'
        ? [b.text]
        : b.type === 'fields'
          ? b.fields.map((f) => `${f.label} ${f.value}`)
          : b.type === 'progress'
            ? [b.label, b.display]
            : b.type === 'actions'
              ? b.buttons.map((x) => x.label)
              : [],
    ),
  ];
}

const ENUMS =
  /\b(EMPLOYEE|MANAGER|ADMIN|MAJOR|MINOR|OPEN|COMPLETED|CLOSED|CANCELLED|RECORDED|APPEALED|UPHELD|OVERTURNED|IN|OUT)\b/;
/** Identifier-looking words outside command syntax (a quoted command or a usage line is allowed). */
function identifiers(text: string): string[] {
  const prose = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[“"「`][^”"」`\n]*[”"」`]/g, ' ')
    .replace(/&[a-z]+;/g, ' ');
  const found = [
    ...prose.matchAll(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g),
    ...prose.matchAll(/\b[a-z]{2,}(?:\.[a-z_]{2,})+\b/g),
    ...prose.matchAll(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g),
    ...prose.matchAll(/\b(cents|linear|bands)\b/g),
  ].map((m) => m[0]);
  const e = ENUMS.exec(prose);
  return e ? [...found, e[0]] : found;
}

describe('human words on every card and export', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`shows no internal identifier in ${locale}`, async () => {
      await app.db.employee.updateMany({ where: { id: { in: PEOPLE } }, data: { locale } });
      const seen: { where: string; ids: string[] }[] = [];
      const check = async (where: string, cards: Card[]) => {
        // English cards use English punctuation in their own words (record contents may be Chinese)
        if (locale === 'en') {
          const marks = cards
            .flatMap(prose)
            .join('\n')
            .match(/[；、：，。（）]/g);
          if (marks) seen.push({ where, ids: [...new Set(marks)] });
        }
        for (const text of await texts(cards)) {
          const ids = identifiers(text);
          if (ids.length > 0) seen.push({ where, ids: [...new Set(ids)] });
        }
      };
      for (const who of ['emp_liming', 'emp_chenjie', 'emp_qiantao']) {
        for (const month of ['', ' 上月']) {
          const cards = await say(who, `kpi${month}`);
          await check(`${who} kpi${month}`, cards);
          for (const b of cards.flatMap(cardButtons)) {
            if (!('actionId' in b) || b.actionId !== 'kpi.why') continue;
            const why = await press(who, b.actionId, b.value);
            await check(`${who} why ${b.value}`, why);
            for (const e of why.flatMap(cardButtons)) {
              if ('actionId' in e && e.actionId === 'kpi.why.export')
                await check(`${who} export`, await press(who, e.actionId, e.value));
            }
          }
        }
      }
      await check('help', await say('emp_malin', 'help'));
      await check('team', await say('emp_wangjianguo', 'team'));
      await check('report dept', await say('emp_malin', 'report dept 售后服务部 上月'));
      await check('report person', await say('emp_malin', 'report person 李明 上月'));
      await check('weights', await say('emp_malin', 'kpi weights aftersales_engineer'));
      if (process.env.SHOW_IDS) console.log(JSON.stringify(seen, null, 1));
      expect(seen).toEqual([]);
    });
  }
});
