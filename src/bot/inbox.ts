import type { Db } from '../db/client.js';

// Inbound event ids are stored before any work is done, so a platform retry (Slack after 3 s,
// WeCom after 5 s) or a replayed request is recognised and ignored.
export function createInbox(db: Db) {
  return async function isNew(source: string, eventId: string): Promise<boolean> {
    try {
      await db.inboundEvent.create({ data: { source, eventId } });
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === 'P2002') return false;
      throw err;
    }
  };
}
