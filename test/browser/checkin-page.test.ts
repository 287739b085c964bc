// The check-in page `/c/<token>` in Debian's Chromium with an overridden geolocation: the page
// reads the position, shows today's site, submits, and shows the verdict; and the console's
// "share location" presets check in without a phone.
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convert } from '../../src/attendance/rules/index.js';
import { startTestApp } from '../helpers/test-app.js';

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

// The real clock: the browser stamps the fix with its own time and the server checks it.
const app = await startTestApp({ now: () => new Date() });
await app.server.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.server.address() as { port: number };
const base = `http://127.0.0.1:${port}`;
const EMPLOYEE = 'emp_liming';

const site = await app.db.site.findUniqueOrThrow({ where: { code: 'SH-AT' } });
const atSite = convert(site, site.datum, 'WGS84');
await app.db.workOrder.create({
  data: {
    externalId: 'WO-BROWSER-1',
    title: '充电桩无法启动充电',
    siteId: site.id,
    assigneeId: EMPLOYEE,
    status: 'IN_PROGRESS',
    openedAt: new Date(Date.now() - 3_600_000),
    assignedAt: new Date(Date.now() - 1_800_000),
  },
});
// The real clock may be outside the day shift (a night run): this test is about the fence, not the shift.
await app.db.shiftAssignment.deleteMany({ where: { employeeId: EMPLOYEE } });
await app.db.consent.create({ data: { employeeId: EMPLOYEE, purpose: 'attendance.location', grantedAt: new Date() } });

// A second engineer for the console presets, on the same site, with a fresh trail.
const OTHER = 'emp_chenjie';
await app.db.workOrder.create({
  data: {
    externalId: 'WO-BROWSER-2',
    title: '常规保养与检测',
    siteId: site.id,
    assigneeId: OTHER,
    status: 'IN_PROGRESS',
    openedAt: new Date(Date.now() - 3_600_000),
    assignedAt: new Date(Date.now() - 1_800_000),
  },
});
await app.db.shiftAssignment.deleteMany({ where: { employeeId: OTHER } });
await app.db.checkIn.deleteMany({ where: { employeeId: OTHER, at: { gte: new Date(Date.now() - 86_400_000) } } });
await app.db.consent.create({ data: { employeeId: OTHER, purpose: 'attendance.location', grantedAt: new Date() } });

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  context = await browser.newContext({ locale: 'zh-CN', permissions: ['geolocation'] });
});
afterAll(async () => {
  await browser?.close();
});

const link = (seconds: number) =>
  `${base}/c/${app.kit.links.sign('checkin.in', EMPLOYEE, new Date(Date.now() + seconds * 1000))}`;

describe('the check-in page in a real browser', () => {
  it('checks in at the work order’s site and shows “valid”', async () => {
    await context.setGeolocation({ latitude: atSite.lat, longitude: atSite.lng, accuracy: 10 });
    const page = await context.newPage();
    await page.goto(link(900));
    expect(await page.locator('#sites').textContent()).toContain(site.name);
    await page.locator('#submit:not([disabled])').waitFor();
    await page.click('#submit');
    await page.locator('#result.valid').waitFor();
    expect(await page.locator('#result').textContent()).toContain('签到有效');
    const stored = await app.db.checkIn.findFirstOrThrow({ where: { employeeId: EMPLOYEE, device: { not: null } } });
    expect(stored.verdict).toBe('ACCEPTED');
    expect(stored.siteId).toBe(site.id);
    await page.close();
  });

  it('marks a position 250 m away as needing review, with the distance', async () => {
    await context.setGeolocation({ latitude: atSite.lat + 250 / 111_320, longitude: atSite.lng, accuracy: 10 });
    const page = await context.newPage();
    await page.goto(link(901));
    await page.locator('#submit:not([disabled])').waitFor();
    await page.click('#submit');
    await page.locator('#result.needs_review').waitFor();
    expect(await page.locator('#result').textContent()).toMatch(/距离站点 2[45]\d 米，超出 100 米范围/);
    await page.close();
  });

  it('shows a clear page for an expired link', async () => {
    const page = await context.newPage();
    const res = await page.goto(`${base}/c/${app.kit.links.sign('checkin.in', EMPLOYEE, new Date(Date.now() - 1000))}`);
    expect(res?.status()).toBe(410);
    expect(await page.locator('#message').textContent()).toContain('已过期');
    await page.close();
  });
});

describe('the console’s share-location presets', () => {
  it('checks in from the preset “at the site” and shows the verdict card', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/console`);
    await page.locator('#user option').first().waitFor({ state: 'attached' });
    await page.selectOption('#user', OTHER);
    await page.locator('#location option[value="SH-AT:at"]').waitFor({ state: 'attached' });
    await page.selectOption('#location', 'SH-AT:at');
    const card = page.locator('article.card').last();
    await card.waitFor();
    expect(await card.locator('h3').textContent()).toBe('签到有效');
    expect(await card.textContent()).toContain(site.name);
    await page.close();
  });
});
