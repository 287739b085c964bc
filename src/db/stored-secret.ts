// A secret Kaopu generates once and keeps in the database, so every restart and every replica
// uses the same one (the link-signing secret when LINK_SIGNING_SECRET is unset).
import { randomBytes } from 'node:crypto';
import type { Db } from './client.js';

export interface StoredSecret {
  value: string;
  /** True when this call generated it (the first start on this database). */
  created: boolean;
}

export async function storedSecret(db: Db, key: string, bytes = 32): Promise<StoredSecret> {
  const existing = await db.setting.findUnique({ where: { key } });
  if (existing) return { value: existing.value, created: false };
  try {
    const row = await db.setting.create({ data: { key, value: randomBytes(bytes).toString('hex') } });
    return { value: row.value, created: true };
  } catch (err) {
    // Two replicas starting together: the primary key lets one insert win; the other reads it.
    const winner = await db.setting.findUnique({ where: { key } });
    if (winner) return { value: winner.value, created: false };
    throw err;
  }
}
