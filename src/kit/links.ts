// `kit.links`: signed, expiring, optionally single-use links for pages a chat card points at
// (report downloads, survey and check-in pages). Single use is the page's choice: it calls
// `consume`, which records the token's hash so the same link is refused the second time.
import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import type { Tx } from './events.js';
import { type LinkCheck, signLink, verifyLink } from './signed-link.js';

/** `revoked`: the link was issued to an employee who has since left. */
export type ActiveLinkCheck = LinkCheck | { ok: false; reason: 'revoked' };
export type ConsumeResult = ActiveLinkCheck | { ok: false; reason: 'used' };

export interface Links {
  /**
   * A token for `subjectId`, valid until `expiresAt`; put it in a path like `/s/<token>`. Pass
   * `issuedTo` (an employee id) for a link meant for one employee: it stops working when they leave.
   */
  sign(purpose: string, subjectId: string, expiresAt: Date, issuedTo?: string): string;
  /** Signature and expiry only (no database): prefer `check` on pages. */
  verify(purpose: string, token: string): LinkCheck;
  /** `verify`, and refused (`revoked`) when the employee it was issued to has left. */
  check(purpose: string, token: string): Promise<ActiveLinkCheck>;
  /**
   * Verifies and spends a single-use token. Pass the transaction that stores what the link was
   * for (a survey answer), so the answer and the spending commit together; a second use returns
   * `used` (on PostgreSQL that also aborts `tx`, so return without further queries in it).
   */
  consume(purpose: string, token: string, tx?: Tx): Promise<ConsumeResult>;
}

export function createLinks(deps: { db: Db; secret: string; now: () => Date }): Links {
  const { db, secret, now } = deps;
  async function checkActive(purpose: string, token: string): Promise<ActiveLinkCheck> {
    const result = verifyLink(secret, purpose, token, now());
    if (!result.ok || !result.issuedTo) return result;
    const holder = await db.employee.findUnique({ where: { id: result.issuedTo }, select: { status: true } });
    return holder && holder.status !== 'LEFT' ? result : { ok: false, reason: 'revoked' };
  }
  return {
    sign: (purpose, subjectId, expiresAt, issuedTo) => signLink(secret, purpose, subjectId, expiresAt, issuedTo),
    verify: (purpose, token) => verifyLink(secret, purpose, token, now()),
    check: checkActive,
    async consume(purpose, token, tx) {
      const check = await checkActive(purpose, token);
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
