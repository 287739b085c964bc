// DingTalk robot signatures: pure, clock and secrets passed in.
// Incoming callback (机器人接收消息, https://open.dingtalk.com/document/orgapp/receive-message):
//   sign = base64(HmacSHA256(appSecret, timestamp + "\n" + appSecret)), header not url-encoded,
//   refused when |now - timestamp| > 1 h.
// Custom robot webhook (自定义机器人安全设置 加签): the same HMAC, url-encoded into `&sign=`.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { CALLBACK_WINDOW_MS } from './limits.js';

export function robotSign(timestamp: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

export type VerifyResult = 'ok' | 'missing' | 'stale' | 'forged';

export interface VerifyInput {
  timestamp: string | undefined;
  sign: string | undefined;
  secret: string;
  now: Date;
}

export function verifyCallback({ timestamp, sign, secret, now }: VerifyInput): VerifyResult {
  if (!timestamp || !sign) return 'missing';
  if (!/^\d{10,16}$/.test(timestamp)) return 'forged';
  if (Math.abs(now.getTime() - Number(timestamp)) > CALLBACK_WINDOW_MS) return 'stale';
  const expected = Buffer.from(robotSign(timestamp, secret));
  const given = Buffer.from(sign);
  return expected.length === given.length && timingSafeEqual(expected, given) ? 'ok' : 'forged';
}

/** Adds `timestamp` and the url-encoded `sign` to a custom robot webhook URL. */
export function signWebhookUrl(webhookUrl: string, secret: string, now: Date): string {
  const url = new URL(webhookUrl);
  const timestamp = String(now.getTime());
  url.searchParams.set('timestamp', timestamp);
  url.searchParams.set('sign', robotSign(timestamp, secret));
  return url.toString();
}
