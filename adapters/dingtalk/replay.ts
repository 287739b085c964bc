// DingTalk's callback `sign` covers only timestamp + secret, never the body
// (https://open.dingtalk.com/document/orgapp/receive-message), so a captured (timestamp, sign)
// pair would carry any body for the whole hour-long window. Each pair is therefore claimed once,
// in the database so every replica sees it, together with a hash of the body it came with.
import { createHash } from 'node:crypto';
import type { Db } from '../../src/db/client.js';

/** The inbound-event source the claims are stored under, apart from DingTalk's own msgIds. */
export const SIGN_SOURCE = 'dingtalk.sign';

export interface SignatureUse {
  timestamp: string;
  sign: string;
  /** The parsed JSON body; the same bytes always parse and stringify alike. */
  body: unknown;
  now: Date;
}

/**
 * True the first time a pair is seen, and again only for the very same body (a redelivery,
 * which msgId dedupe then absorbs); false for the pair with any other body (a replay).
 */
export async function claimSignature(db: Db, use: SignatureUse): Promise<boolean> {
  const eventId = `${use.timestamp}:${use.sign}`;
  const bodySha256 = createHash('sha256')
    .update(JSON.stringify(use.body) ?? '')
    .digest('hex');
  try {
    await db.inboundEvent.create({
      data: { source: SIGN_SOURCE, eventId, receivedAt: use.now, payload: { bodySha256 }, handledAt: use.now },
    });
    return true;
  } catch (err) {
    if ((err as { code?: string }).code !== 'P2002') throw err;
  }
  const first = await db.inboundEvent.findUnique({
    where: { source_eventId: { source: SIGN_SOURCE, eventId } },
    select: { payload: true },
  });
  return (first?.payload as { bodySha256?: string } | null)?.bodySha256 === bodySha256;
}
