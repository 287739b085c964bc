import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERTS_RUNTIME } from '../../src/alerts/index.js';
import { startTestApp } from '../helpers/test-app.js';

// Debian's Chromium, started the way FACTS.md says works on these machines (no downloads, no
// background networking that the closed network would refuse).
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
await app.server.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.server.address() as { port: number };
const base = `http://127.0.0.1:${port}`;

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage({ locale: 'zh-CN' });
});
afterAll(async () => {
  await browser?.close();
});

describe('the console page in a real browser', () => {
  it('sends help as the picked employee and shows the rendered card', async () => {
    await page.goto(`${base}/console`);
    await page.locator('#user option').first().waitFor({ state: 'attached' });
    await page.selectOption('#user', 'emp_liming');
    await page.fill('#text', 'help');
    await page.click('#send');
    const card = page.locator('article.card').last();
    await card.waitFor();
    expect(await card.locator('h3').textContent()).toBe('考谱能帮你做什么');
    expect(await card.textContent()).toContain('李明');
  });

  it('presses a card button and shows the follow-up card', async () => {
    await page.fill('#text', 'hepl');
    await page.click('#send');
    const before = await page.locator('article.card').count();
    await page.locator('article.card').last().locator('button[data-action="help.show"]').click();
    await page.waitForFunction((n) => document.querySelectorAll('article.card').length > n, before);
    expect(await page.locator('article.card h3').last().textContent()).toBe('考谱能帮你做什么');
  });

  it('switches the page to English', async () => {
    await page.click('#lang');
    expect(await page.locator('#send').textContent()).toBe('Send');
    expect(await page.locator('#tab-groups').textContent()).toBe('Group chats');
  });

  it('shows what the bot posted in a team group chat', async () => {
    await app.outbox.enqueue({
      platform: 'console',
      to: { kind: 'group', chatId: 'gc_console_aftersales' },
      card: { title: 'Late streak: 赵磊', tone: 'warning', blocks: [], text: 'Late streak: 赵磊' },
      locale: 'zh-CN',
    });
    await app.outbox.drain();
    await page.click('#tab-groups');
    await page.selectOption('#group', 'gc_console_aftersales');
    await page.locator('article.card h3', { hasText: 'Late streak' }).waitFor();
    expect(await page.locator('article.card h3').first().textContent()).toBe('Late streak: 赵磊');
  });

  it('says kpi in a group chat: the group sees a notice and the KPI card arrives in the direct chat', async () => {
    await page.selectOption('#group', 'gc_console_sales');
    await page.fill('#text', 'kpi');
    await page.click('#send');
    await page.locator('article.card', { hasText: 'privately' }).waitFor();
    expect(await page.locator('#log').textContent()).not.toContain('2026-11');
    await page.click('#tab-chat');
    await page.locator('article.card h3', { hasText: '2026-11' }).waitFor();
  });

  it("acknowledges an alert in the group tab and shows the group's card updated in place", async () => {
    const engine = app.kit.services.get(ALERTS_RUNTIME)?.engine;
    await engine?.raise({
      rule: 'survey.low',
      decision: { key: 'survey:browser-1', severity: 'warning', evidence: { csat: 2 } },
      employeeId: 'emp_gaomin',
    });
    await engine?.pump();
    await app.outbox.drain();
    await page.selectOption('#user', 'emp_linfang');
    await page.click('#tab-groups');
    await page.selectOption('#group', 'gc_console_service');
    const card = page.locator('article.card', { hasText: '满意度低分' });
    await card.locator('button[data-action="alerts.ack"]').click();
    await page.locator('article.card', { hasText: '已确认（' }).waitFor();
    expect(await page.locator('#tab-groups').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('article.card', { hasText: '满意度低分' }).count()).toBe(1);
    expect(await card.locator('button[data-action="alerts.ack"]').count()).toBe(0);
  });
});
