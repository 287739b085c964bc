import { describe, expect, it } from 'vitest';
import { startTestApp } from '../../helpers/test-app.js';

const TOKEN = 'console-token-for-tests-0123456789';
const SLACK = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'slack-secret-for-tests' };

describe('console access in demo mode without a token', () => {
  it('serves the page and the API to anyone', async () => {
    const app = await startTestApp();
    expect((await app.server.inject({ method: 'GET', url: '/console' })).statusCode).toBe(200);
    expect((await app.server.inject({ method: 'GET', url: '/console/api/users' })).statusCode).toBe(200);
  });
});

describe('console access with CONSOLE_TOKEN set', async () => {
  const app = await startTestApp({ env: { CONSOLE_TOKEN: TOKEN } });

  it('serves the page, which holds no data, without the token', async () => {
    const res = await app.server.inject({ method: 'GET', url: '/console' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('李明');
  });

  it('refuses API calls without the token with 401', async () => {
    const res = await app.server.inject({ method: 'GET', url: '/console/api/users' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('error.unauthorized');
  });

  it('refuses a wrong token with 401 and sends nothing to the bot', async () => {
    const before = await app.db.auditLog.count();
    const res = await app.server.inject({
      method: 'POST',
      url: '/console/api/messages',
      headers: { authorization: `Bearer ${TOKEN}x` },
      payload: { userId: 'emp_liming', text: 'help' },
    });
    expect(res.statusCode).toBe(401);
    expect(await app.db.auditLog.count()).toBe(before);
  });

  it('accepts the right bearer token', async () => {
    const res = await app.server.inject({
      method: 'POST',
      url: '/console/api/messages',
      headers: { authorization: `Bearer ${TOKEN}` },
      payload: { userId: 'emp_liming', text: 'help' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().replies[0].title).toBe('考谱能帮你做什么');
  });
});

describe('console access with a platform configured and no token', () => {
  it('answers 404 for the page and the API', async () => {
    const app = await startTestApp({ env: SLACK });
    expect((await app.server.inject({ method: 'GET', url: '/console' })).statusCode).toBe(404);
    expect((await app.server.inject({ method: 'GET', url: '/console/api/users' })).statusCode).toBe(404);
  });
});
