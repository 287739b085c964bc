import { describe, expect, it } from 'vitest';
import type { BotEvent } from '../../../src/bot/event.js';
import { startTestApp } from '../../helpers/test-app.js';
import { TEST_TODAY } from '../../helpers/test-db.js';

const app = await startTestApp();

function helpEvent(id: string): BotEvent {
  return {
    id,
    platform: 'console',
    user: { platformUserId: 'emp_liming', employeeId: 'emp_liming' },
    conversation: { kind: 'dm', id: 'emp_liming' },
    replyTo: { kind: 'user', userId: 'emp_liming' },
    payload: { kind: 'text', text: 'help' },
    receivedAt: TEST_TODAY,
  };
}

describe('inbound event store', () => {
  it('says "new" exactly once per id when a burst of retries arrives in the same instant', async () => {
    const answers = await Promise.all([
      app.inbox.isNew('slack', 'Ev-burst-1'),
      app.inbox.isNew('slack', 'Ev-burst-1'),
      app.inbox.isNew('slack', 'Ev-burst-2'),
      app.inbox.isNew('wecom', 'Ev-burst-1'),
    ]);
    expect(answers).toEqual([true, false, true, true]);
    expect(await app.inbox.isNew('slack', 'Ev-burst-2')).toBe(false);
    expect(await app.db.inboundEvent.count({ where: { eventId: { startsWith: 'Ev-burst-' } } })).toBe(3);
  });

  it('answers an event stored before a crash once the grace period has passed, and only once', async () => {
    // The adapter stored the event (and acknowledged the platform); the process died before the bot ran.
    expect(await app.inbox.isNew('console', 'crash-1', helpEvent('crash-1'))).toBe(true);
    await app.db.inboundEvent.updateMany({
      where: { eventId: 'crash-1' },
      data: { receivedAt: new Date(TEST_TODAY.getTime() - 60_000) },
    });

    expect(await app.recoverInbound()).toBe(1);
    const replies = await app.db.outboxMessage.findMany({
      where: { dedupeKey: { startsWith: 'reply:console:crash-1:' } },
    });
    expect(replies.map((r) => (r.card as { title: string }).title)).toEqual(['考谱能帮你做什么']);
    const row = await app.db.inboundEvent.findFirstOrThrow({ where: { eventId: 'crash-1' } });
    expect(row.handledAt).not.toBeNull();

    expect(await app.recoverInbound()).toBe(0);
    expect(await app.db.outboxMessage.count({ where: { dedupeKey: { startsWith: 'reply:console:crash-1:' } } })).toBe(
      1,
    );
  });

  it('leaves an event still inside its grace period to the delivery in progress', async () => {
    expect(await app.inbox.isNew('console', 'fresh-1', helpEvent('fresh-1'))).toBe(true);
    expect(await app.recoverInbound()).toBe(0);
  });
});
