// Builds encrypted, signed WeCom callbacks from the XML fixtures, with overrides per test.
import { readFileSync } from 'node:fs';
import { encrypt, msgSignature } from '../../../adapters/wecom/verify.js';
import { TEST_TODAY } from '../../helpers/test-db.js';

export const CORP_ID = 'wwkaopu0000test01';
export const TOKEN = 'kaopuCallbackToken';
// A published key (sbzhu/weworkapi_python callback/Sample.py @ 16e0b05), reused as a test key.
export const AES_KEY = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
export const AGENT_ID = '1000002';
export const NOW_SECONDS = Math.floor(TEST_TODAY.getTime() / 1000);

export function wecomEnv(apiBase: string): Record<string, string> {
  return {
    WECOM_CORP_ID: CORP_ID,
    WECOM_AGENT_ID: AGENT_ID,
    WECOM_SECRET: 'stand-in-secret',
    WECOM_TOKEN: TOKEN,
    WECOM_ENCODING_AES_KEY: AES_KEY,
    WECOM_API_BASE: apiBase,
    PUBLIC_BASE_URL: 'https://kaopu.example',
  };
}

type Fixture = 'text' | 'location' | 'template-card-event' | 'click' | 'enter-agent' | 'group-text';

let sequence = 0;

/** A decrypted callback body from a fixture file with its placeholders filled. */
export function callbackXml(fixture: Fixture, values: Record<string, string> = {}): string {
  sequence += 1;
  const defaults: Record<string, string> = {
    corp: CORP_ID,
    from: 'liming',
    time: String(NOW_SECONDS),
    content: 'help',
    msgId: `7${String(NOW_SECONDS)}${String(sequence).padStart(6, '0')}`,
    key: 'help',
    taskId: 'task',
    responseCode: 'rc',
    chatId: 'wrkGROUP0001',
    webhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=test',
  };
  const all = { ...defaults, ...values };
  const template = readFileSync(new URL(`../../fixtures/wecom/${fixture}.xml`, import.meta.url), 'utf8').trim();
  return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => all[name] ?? '');
}

export interface SignOptions {
  token?: string;
  timestamp?: number;
  nonce?: string;
  receiveId?: string;
}

/** The POST request WeCom would send for a decrypted body. */
export function signedPost(xml: string, options: SignOptions = {}) {
  const timestamp = String(options.timestamp ?? NOW_SECONDS);
  const nonce = options.nonce ?? `n${sequence}`;
  const cipher = encrypt(AES_KEY, xml, options.receiveId ?? CORP_ID);
  const signature = msgSignature(options.token ?? TOKEN, timestamp, nonce, cipher);
  return {
    method: 'POST' as const,
    url: `/wecom/callback?msg_signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`,
    headers: { 'content-type': 'text/xml' },
    payload: `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><Encrypt><![CDATA[${cipher}]]></Encrypt><AgentID><![CDATA[${AGENT_ID}]]></AgentID></xml>`,
  };
}
