// Warms the database client before the first burst: opens the pool's connections (PostgreSQL) and
// runs, once, the query shapes answering an event needs (Prisma compiles each shape on first use),
// so the first acks after a start are not paying for it. Reads only, plus updates matching no row.
import type { Db } from '../db/client.js';
import { resolveActor } from './actor.js';
import type { BotEvent } from './event.js';

const NOBODY = '~warm-up~';

export async function warmDatabase(db: Db, provider: 'sqlite' | 'postgres'): Promise<void> {
  const event = (employeeId?: string): BotEvent => ({
    id: NOBODY,
    platform: 'slack',
    user: { platformUserId: NOBODY, ...(employeeId ? { employeeId } : {}) },
    conversation: { kind: 'dm', id: NOBODY },
    replyTo: { kind: 'user', userId: NOBODY },
    payload: { kind: 'text', text: '' },
    receivedAt: new Date(0),
  });
  const shapes = [
    () => resolveActor(db, event(NOBODY), 'en'),
    () => resolveActor(db, event(), 'en'),
    () =>
      db.inboundEvent.updateMany({
        where: { source: NOBODY, botEventId: NOBODY, handledAt: null },
        data: { handledAt: new Date(0) },
      }),
    () => db.outboxMessage.findFirst({ where: { id: NOBODY }, select: { id: true } }),
  ];
  // PostgreSQL: several at once, so the pool opens connections now rather than during a burst
  const rounds = provider === 'postgres' ? 4 : 1;
  await Promise.all(Array.from({ length: rounds }, () => Promise.all(shapes.map((run) => run()))));
}
