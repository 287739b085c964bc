// The customer's survey page in Debian's Chromium on a 390 px phone viewport: small first load,
// big touch targets, English from the browser, the language switch, and a real submit.
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../cards/card.js';
import { cardButtons } from '../../cards/card.js';
import { completeWorkOrder } from '../../src/demo/complete-work-order.js';
import { startTestApp } from '../helpers/test-app.js';
import { TEST_TODAY } from '../helpers/test-db.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let clock = TEST_TODAY;
const app = await startTestApp({ now: () => clock });
await app.server.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.server.address() as { port: number };
const base = `http://127.0.0.1:${port}`;

const order = await app.db.workOrder.create({
  data: {
    externalId: 'WO-BROWSER-1',
    title: '充电桩无法启动充电',
    siteId: 'site_sh_anting',
    assigneeId: 'emp_zhangwei',
    status: 'IN_PROGRESS',
    openedAt: new Date(clock.getTime() - 3 * 3_600_000),
  },
});
await completeWorkOrder(app.db, app.kit.records, order.id, clock);
await app.events.drain();
await app.outbox.drain();
const res = await app.server.inject({ method: 'GET', url: '/console/api/users/emp_zhangwei/messages' });
const card = (res.json() as { card: Card }[]).map((m) => m.card).find((c) => c.title.includes('WO-BROWSER-1')) as Card;
const open = cardButtons(card).find((b) => 'url' in b);
const path = new URL(open && 'url' in open ? open.url : '').pathname;

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage({
    locale: 'en-US',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('the survey page on a phone', () => {
  it('loads in English under 15 KB with every answer a big touch target', async () => {
    let bytes = 0;
    page.on('response', async (r) => {
      bytes += (await r.body().catch(() => Buffer.alloc(0))).length;
    });
    await page.goto(`${base}${path}`);
    expect(await page.locator('h1').textContent()).toBe('Please rate this service visit');
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(15 * 1024);
    // No horizontal scrolling on a 390 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const selector of ['input[name=csat] + span', 'input[name=nps] + span', 'button[type=submit]']) {
      const boxes = await page.locator(selector).evaluateAll((els) => els.map((e) => e.getBoundingClientRect()));
      for (const b of boxes) expect(Math.min(b.width, b.height), selector).toBeGreaterThanOrEqual(24);
      expect(Math.min(...boxes.map((b) => b.height)), selector).toBeGreaterThanOrEqual(44);
    }
    // Every question is a labelled group a screen reader announces.
    expect(await page.getByRole('group', { name: /How satisfied/ }).count()).toBe(1);
    expect(await page.getByRole('radio', { name: '5' }).count()).toBe(2);
  });

  it('switches to Chinese and back', async () => {
    await page.getByRole('link', { name: '中文' }).click();
    expect(await page.locator('h1').textContent()).toBe('请为本次服务打分');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.locator('h1').textContent()).toBe('Please rate this service visit');
  });

  it('submits an answer once and thanks the customer', async () => {
    clock = new Date(TEST_TODAY.getTime() + 5 * 60_000);
    await page
      .getByRole('group', { name: /How satisfied/ })
      .getByText('4', { exact: true })
      .tap();
    await page
      .getByRole('group', { name: /recommend/ })
      .getByText('9', { exact: true })
      .tap();
    await page.getByText('On time').tap();
    await page.fill('textarea', 'Quick and <b>polite</b>');
    const started = Date.now();
    await page.getByRole('button', { name: 'Send rating' }).tap();
    await page.waitForSelector('text=Thank you for your rating!');
    expect(Date.now() - started).toBeLessThan(5000);
    const answer = await app.db.surveyAnswer.findFirstOrThrow({ where: { workOrderId: order.id } });
    expect(answer).toMatchObject({ csat: 4, nps: 9, comment: 'Quick and <b>polite</b>', locale: 'en' });
    expect(JSON.parse(answer.tags)).toEqual(['punctual']);
    expect(JSON.parse(answer.flags)).toEqual([]);
    expect(answer.deviceHash).toMatch(/^[0-9a-f]{32}$/);
    // Going back and sending again stores nothing and says so.
    await page.goBack();
    await page.reload();
    expect(await page.locator('h1').textContent()).toBe('This survey was already answered');
    expect(await app.db.surveyAnswer.count({ where: { workOrderId: order.id } })).toBe(1);
  });
});
