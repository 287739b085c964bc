// The console on a phone (360 and 390 px wide): the KPI card, the team board and a department
// report fit without horizontal scroll, and the KPI card's progress bars stay visible.
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nightlyRecompute } from '../../src/kpi/index.js';
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

const app = await startTestApp();
await nightlyRecompute(app.kpi.context, TEST_TODAY);
await app.server.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.server.address() as { port: number };
const base = `http://127.0.0.1:${port}`;

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});
afterAll(async () => {
  await browser?.close();
});

async function send(page: Page, userId: string, text: string) {
  await page.selectOption('#user', userId);
  const before = await page.locator('article.card').count();
  await page.fill('#text', text);
  await page.click('#send');
  await page.waitForFunction((n) => document.querySelectorAll('article.card').length > n, before);
  return page.locator('article.card').last();
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.each([360, 390])('the console at %i px', (width) => {
  it('fits the KPI card, team board and a report on the screen, with visible progress bars', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width, height: 780 } });
    await page.goto(`${base}/console`);
    await page.locator('#user option').first().waitFor({ state: 'attached' });

    const kpi = await send(page, 'emp_liming', 'kpi');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const cardBox = await kpi.boundingBox();
    expect(cardBox && cardBox.x + cardBox.width).toBeLessThanOrEqual(width);
    const tracks = await kpi
      .locator('.bar .track')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(tracks.length).toBeGreaterThan(3);
    for (const w of tracks) expect(w).toBeGreaterThan(width * 0.6);

    const board = await send(page, 'emp_wangjianguo', 'team');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const boardBox = await board.boundingBox();
    expect(boardBox && boardBox.x + boardBox.width).toBeLessThanOrEqual(width);

    const report = await send(page, 'emp_malin', 'report dept 售后服务部 上月');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const reportBox = await report.boundingBox();
    expect(reportBox && reportBox.x + reportBox.width).toBeLessThanOrEqual(width);
    await page.close();
  });
});

describe('console polish', () => {
  it('keeps the chat across a reload and sends a double-clicked button once', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 390, height: 780 } });
    await page.goto(`${base}/console`);
    await page.locator('#user option').first().waitFor({ state: 'attached' });
    const card = await send(page, 'emp_liming', 'kpi');
    const before = await page.locator('article.card').count();
    await card.locator('button[data-action="kpi.why"]').first().dblclick();
    await page.waitForFunction((n) => document.querySelectorAll('article.card').length > n, before);
    await page.waitForTimeout(800);
    expect(await page.locator('article.card').count()).toBe(before + 1);
    expect(await page.locator('.bubble').count()).toBe(2);

    await page.reload();
    await page.locator('article.card').last().waitFor();
    expect(await page.locator('article.card').count()).toBe(before + 1);
    expect(await page.locator('article.card h3').last().textContent()).toContain('为什么');
    await page.close();
  });
});
