// `kit.links`: signed, expiring, optionally single-use links for pages a chat card points at
// (report downloads, survey and check-in pages). Single use is the page's choice: it calls
// `consume`, which records the token's hash so the same link is refused the second time.
import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import type { Tx } from './events.js';
import { type LinkCheck, signLink, verifyLink } from './signed-link.js';

export type ConsumeResult = LinkCheck | { ok: false; reason: 'used' };

export interface Links {
  /** A token for `subjectId`, valid until `expiresAt`; put it in a path like `/s/<token>`. */
  sign(purpose: string, subjectId: string, expiresAt: Date): string;
  verify(purpose: string, token: string): LinkCheck;
  /**
   * Verifies and spends a single-use token. Pass the transaction that stores what the link was
   * for (a survey answer), so the answer and the spending commit together; a second use returns
   * `used` (on PostgreSQL that also aborts `tx`, so return without further queries in it).
   */
  consume(purpose: string, token: string, tx?: Tx): Promise<ConsumeResult>;
}

export function createLinks(deps: { db: Db; secret: string; now: () => Date }): Links {
  const { db, secret, now } = deps;
  return {
    sign: (purpose, subjectId, expiresAt) => signLink(secret, purpose, subjectId, expiresAt),
    verify: (purpose, token) => verifyLink(secret, purpose, token, now()),
    async consume(purpose, token, tx) {
      const check = verifyLink(secret, purpose, token, now());
      if (!check.ok) return check;
      const tokenHash = createHash('sha256').update(token).digest('hex');
      try {
        await (tx ?? db).consumedLink.create({
          data: { tokenHash, purpose, consumedAt: now(), expiresAt: check.expiresAt },
        });
        return check;
      } catch (err) {
        if ((err as { code?: string }).code === 'P2002') return { ok: false, reason: 'used' };
        throw err;
      }
    },
  };
}

/**
 * LINK_SIGNING_SECRET, or a random one for this process when unset: fine for a demo, but every
 * link dies on restart and replicas cannot verify each other's links, so the operator is told.
 */
export function linkSigningSecret(configured: string | undefined, logger: Logger): string {
  if (configured) return configured;
  logger.warn('LINK_SIGNING_SECRET is not set: using a random secret, so links stop working on restart');
  return randomBytes(32).toString('hex');
}
