// One-time linking codes: shown once to an unknown chat user, stored only as a hash, expiring,
// spent by HR's `link <code> <employee>`. A new code for the same account replaces older unused ones.
import { createHash, randomInt } from 'node:crypto';
import type { PlatformName } from '../bot/event.js';
import type { Db } from '../db/client.js';

/** No 0/O, 1/I/L: read aloud or retyped from a screenshot without mistakes. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 8;
/** Three days: long enough for HR to get to it, short enough that a leaked code goes stale. */
export const CODE_TTL_MS = 72 * 3_600_000;

export type DbPlatform = 'SLACK' | 'WECOM' | 'DINGTALK' | 'CONSOLE';

export function dbPlatform(platform: PlatformName): DbPlatform {
  return platform.toUpperCase() as DbPlatform;
}

export function hashCode(code: string): string {
  return createHash('sha256').update(normaliseCode(code)).digest('hex');
}

/** What HR typed, as stored: upper case, without spaces or dashes. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function newCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export async function issueCode(
  db: Db,
  who: { platform: PlatformName; platformUserId: string; displayName?: string | undefined },
  now: Date,
): Promise<{ code: string; expiresAt: Date }> {
  const code = newCode();
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  const platform = dbPlatform(who.platform);
  await db.$transaction([
    db.linkCode.deleteMany({ where: { platform, platformUserId: who.platformUserId, usedAt: null } }),
    db.linkCode.create({
      data: {
        codeHash: hashCode(code),
        platform,
        platformUserId: who.platformUserId,
        displayName: who.displayName?.slice(0, 200) ?? null,
        createdAt: now,
        expiresAt,
      },
    }),
  ]);
  return { code, expiresAt };
}

/** The account a live code was issued to, or null when it is unknown, expired or spent. */
export async function findLiveCode(db: Db, code: string, now: Date) {
  const row = await db.linkCode.findUnique({ where: { codeHash: hashCode(code) } });
  if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) return null;
  return row;
}
