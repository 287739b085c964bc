// Issue 8, finding 1: the console token was checked against the raw URL, so `/console/%61pi/…`
// listed every employee and sent messages as anyone without the token.
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/test-app.js';

const TOKEN = 'console-token-for-tests-0123456789';
const app = await startTestApp({ env: { CONSOLE_TOKEN: TOKEN } });

describe('console API under percent-encoded paths', () => {
  it('refuses the employee list at /console/%61pi/users without the token', async () => {
    const res = await app.server.inject({ method: 'GET', url: '/console/%61pi/users' });
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toContain('identities');
  });

  it('refuses a message sent as HR through /console/ap%69/messages without the token, auditing nothing', async () => {
    const hr = await app.db.employee.findFirstOrThrow({ where: { role: 'HR' } });
    const before = await app.db.auditLog.count({ where: { action: 'console.message' } });
    const res = await app.server.inject({
      method: 'POST',
      url: '/console/ap%69/messages',
      payload: { userId: hr.id, text: 'report payroll 2026-11' },
    });
    expect(res.statusCode).toBe(401);
    expect(await app.db.auditLog.count({ where: { action: 'console.message' } })).toBe(before);
  });

  it('refuses the group list and actions under encoded paths without the token', async () => {
    expect((await app.server.inject({ method: 'GET', url: '/console/%61pi/groups' })).statusCode).toBe(401);
    const action = await app.server.inject({
      method: 'POST',
      url: '/console/%61pi/actions',
      payload: { userId: 'x', actionId: 'help' },
    });
    expect(action.statusCode).toBe(401);
  });

  it('still answers the encoded path to a caller with the token', async () => {
    const res = await app.server.inject({
      method: 'GET',
      url: '/console/%61pi/users',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.statusCode).toBe(200);
  });
});
