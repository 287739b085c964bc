import { describe, expect, it } from 'vitest';
import { type Card, cardButtons } from '../../../cards/card.js';
import { startTestApp } from '../../helpers/test-app.js';

const app = await startTestApp();

async function say(userId: string, text: string, locale?: 'zh-CN' | 'en') {
  const res = await app.server.inject({
    method: 'POST',
    url: '/console/api/messages',
    payload: { userId, text, locale },
  });
  return { status: res.statusCode, body: res.json() as { replies: Card[]; error?: { code: string; message: string } } };
}

describe('console API contract', () => {
  it('lists every employee with role and per-platform chat ids', async () => {
    const res = await app.server.inject({ method: 'GET', url: '/console/api/users' });
    expect(res.statusCode).toBe(200);
    const users = res.json() as { id: string; name: string; role: string; identities: Record<string, string> }[];
    expect(users.length).toBe(25);
    const roles = new Set(users.map((u) => u.role));
    expect([...roles].sort()).toEqual(['ADMIN', 'EMPLOYEE', 'HR', 'MANAGER']);
    const liming = users.find((u) => u.name === '李明');
    expect(liming?.identities).toEqual({
      slack: expect.stringMatching(/^U0/),
      wecom: 'liming',
      dingtalk: expect.any(String),
    });
  });

  it('answers help with a card whose text fallback names the user and the help command', async () => {
    const { status, body } = await say('emp_liming', 'help');
    expect(status).toBe(200);
    expect(body.replies).toHaveLength(1);
    const card = body.replies[0] as Card;
    expect(card.title).toBe('考谱能帮你做什么');
    expect(card.text).toContain('李明');
    expect(card.text).toContain('help / 帮助');
  });

  it('accepts the Chinese alias and a leading slash alike', async () => {
    const zh = await say('emp_liming', '帮助');
    const slash = await say('emp_liming', '/help');
    expect(zh.body.replies[0]?.text).toBe(slash.body.replies[0]?.text);
  });

  it('answers in English for an English-speaking employee', async () => {
    const { body } = await say('emp_danielwu', 'help');
    expect(body.replies[0]?.title).toBe('What Kaopu can do for you');
  });

  it('replies to an unknown command with a suggestion and a help button that works', async () => {
    const { body } = await say('emp_liming', 'hepl');
    const card = body.replies[0] as Card;
    expect(card.text).toContain('hepl');
    expect(card.text).toContain('help');
    const [button] = cardButtons(card);
    expect(button).toMatchObject({ actionId: 'help.show', label: expect.any(String) });
    const pressed = await app.server.inject({
      method: 'POST',
      url: '/console/api/actions',
      payload: { userId: 'emp_liming', actionId: (button as { actionId: string }).actionId },
    });
    expect(pressed.statusCode).toBe(200);
    expect((pressed.json() as { replies: Card[] }).replies[0]?.title).toBe('考谱能帮你做什么');
  });

  it('answers an unknown user id with 404 and a JSON error', async () => {
    const { status, body } = await say('nobody', 'help');
    expect(status).toBe(404);
    expect(body.error?.code).toBe('error.user_not_found');
  });

  it('answers a body without userId with 400 naming the field', async () => {
    const res = await app.server.inject({ method: 'POST', url: '/console/api/messages', payload: { text: 'help' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('userId');
  });

  it('refuses malformed JSON with 400 and no stack trace', async () => {
    const res = await app.server.inject({
      method: 'POST',
      url: '/console/api/messages',
      headers: { 'content-type': 'application/json' },
      payload: '{"userId": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('error.bad_request');
    expect(res.body).not.toContain('at ');
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const res = await app.server.inject({
      method: 'POST',
      url: '/console/api/messages',
      payload: { userId: 'emp_liming', text: 'x'.repeat(1024 * 1024 + 10) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('error.payload_too_large');
  });

  it('refuses a non-JSON content type with 415', async () => {
    const res = await app.server.inject({
      method: 'POST',
      url: '/console/api/messages',
      headers: { 'content-type': 'application/x-yaml' },
      payload: 'userId: emp_liming',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('error.unsupported_media_type');
  });

  it('lists the team group chats and what the bot posted there', async () => {
    const groups = (await app.server.inject({ method: 'GET', url: '/console/api/groups' })).json() as { id: string }[];
    expect(groups.map((g) => g.id).sort()).toEqual(['gc_console_aftersales', 'gc_console_sales', 'gc_console_service']);
    await app.outbox.enqueue({
      platform: 'console',
      to: { kind: 'group', chatId: 'gc_console_sales' },
      card: { title: 'Alert', tone: 'warning', blocks: [], text: 'Alert' },
      locale: 'zh-CN',
    });
    await app.outbox.drain();
    const res = await app.server.inject({ method: 'GET', url: '/console/api/groups/gc_console_sales/messages' });
    expect((res.json() as { card: Card }[]).map((m) => m.card.title)).toEqual(['Alert']);
  });

  it('writes an audit row for every console message', async () => {
    const before = await app.db.auditLog.count({ where: { action: 'console.message', actorId: 'emp_hejing' } });
    await say('emp_hejing', 'help');
    const after = await app.db.auditLog.count({ where: { action: 'console.message', actorId: 'emp_hejing' } });
    expect(after - before).toBe(1);
  });
});
