// Published WeCom SDK vectors (copied from ../shared/reference/vectors.json, sources inside).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toBotEvent } from '../../../adapters/wecom/inbound.js';
import { decrypt, encrypt, msgSignature, verifyAndDecrypt, WecomCryptoError } from '../../../adapters/wecom/verify.js';

interface Vector {
  id: string;
  inputs: Record<string, string>;
  expected: { msg?: string; receiveid?: string };
  verification: { observed?: { echo_plaintext?: string; msg?: string } };
}
const file = JSON.parse(readFileSync(new URL('../../fixtures/wecom/vectors.json', import.meta.url), 'utf8')) as {
  vectors: Vector[];
};
const vector = (id: string): Vector => {
  const v = file.vectors.find((x) => x.id === id);
  if (!v) throw new Error(`no vector ${id}`);
  return v;
};
const signed = (i: Record<string, string>) => ({
  msgSignature: i.msg_signature as string,
  timestamp: i.timestamp as string,
  nonce: i.nonce as string,
});
const keys = (i: Record<string, string>) => ({
  token: i.token as string,
  encodingAesKey: i.encodingAESKey as string,
  receiveId: i.receiveid as string,
});

function rejection(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    if (err instanceof WecomCryptoError) return err.reason;
    throw err;
  }
  return 'accepted';
}

describe('WeCom callback crypto against the published vectors', () => {
  for (const id of ['wecom-verifyurl-QDG6eK', 'wecom-verifyurl-py']) {
    it(`verifies and decrypts the verify-URL echostr of ${id}`, () => {
      const v = vector(id);
      const plain = verifyAndDecrypt(signed(v.inputs), v.inputs.echostr as string, keys(v.inputs));
      expect(plain).toBe(v.verification.observed?.echo_plaintext);
    });
  }

  it('accepts the verify-URL echostr taken from the URL-encoded raw query', () => {
    const v = vector('wecom-verifyurl-QDG6eK');
    const query = new URLSearchParams(v.inputs.raw_query as string);
    const plain = verifyAndDecrypt(
      {
        msgSignature: query.get('msg_signature') as string,
        timestamp: query.get('timestamp') as string,
        nonce: query.get('nonce') as string,
      },
      query.get('echostr') as string,
      keys(v.inputs),
    );
    expect(plain).toBe('1616140317555161061');
  });

  it('decrypts the POST XML vector to the exact published message', () => {
    const v = vector('wecom-post-xml-QDG6eK');
    expect(msgSignature('QDG6eK', '1409659813', '1372623149', v.inputs.encrypt as string)).toBe(v.inputs.msg_signature);
    expect(verifyAndDecrypt(signed(v.inputs), v.inputs.encrypt as string, keys(v.inputs))).toBe(v.expected.msg);
  });

  it('reads the published XML message as a text event with the MsgId kept exact', () => {
    const v = vector('wecom-post-xml-QDG6eK');
    const inbound = toBotEvent(v.expected.msg as string, new Date('2014-09-02T12:10:13Z'));
    expect(inbound).toMatchObject({
      kind: 'event',
      event: {
        id: '4561255354251345929',
        platform: 'wecom',
        user: { platformUserId: 'mycreate' },
        replyTo: { kind: 'user', userId: 'mycreate' },
        payload: { kind: 'text', text: 'hello' },
      },
    });
  });

  it('counts msg_len in bytes for the multi-byte 你好 vector', () => {
    const v = vector('wecom-post-xml-py');
    const xml = verifyAndDecrypt(signed(v.inputs), v.inputs.encrypt as string, keys(v.inputs));
    expect(xml).toBe(v.verification.observed?.msg);
    const inbound = toBotEvent(xml, new Date());
    expect(inbound.kind === 'event' && inbound.event.payload).toEqual({ kind: 'text', text: '你好' });
  });

  for (const id of ['wecom-post-json-QDG6eK', 'wecom-post-json-py']) {
    it(`returns the JSON-envelope plaintext of ${id} as a string even though it is not valid JSON`, () => {
      const v = vector(id);
      const plain = verifyAndDecrypt(signed(v.inputs), v.inputs.encrypt as string, keys(v.inputs));
      expect(typeof plain).toBe('string');
      expect(plain).toContain('"MsgType": "text"');
      if (v.verification.observed?.msg) expect(plain).toBe(v.verification.observed.msg);
    });
  }

  it('rejects the POST vector under a wrong token as a bad signature', () => {
    const v = vector('wecom-post-xml-QDG6eK');
    const run = () =>
      verifyAndDecrypt(signed(v.inputs), v.inputs.encrypt as string, { ...keys(v.inputs), token: 'QDG6eK_' });
    expect(rejection(run)).toBe('bad_signature');
  });

  it('rejects the POST vector when the receive id is another corp', () => {
    const v = vector('wecom-post-xml-QDG6eK');
    const run = () =>
      verifyAndDecrypt(signed(v.inputs), v.inputs.encrypt as string, {
        ...keys(v.inputs),
        receiveId: 'ww1436e0e65a779aee',
      });
    expect(rejection(run)).toBe('wrong_receiver');
  });

  it('rejects the python JSON vector signed check under the other key set token', () => {
    const v = vector('wecom-post-json-py');
    const run = () =>
      verifyAndDecrypt(signed(v.inputs), v.inputs.encrypt as string, { ...keys(v.inputs), token: 'QDG6eK' });
    expect(rejection(run)).toBe('bad_signature');
  });

  it('refuses a correctly signed message whose timestamp is over five minutes from the clock', () => {
    const v = vector('wecom-post-xml-QDG6eK');
    const now = new Date((Number(v.inputs.timestamp) + 301) * 1000);
    const run = () => verifyAndDecrypt(signed(v.inputs), v.inputs.encrypt as string, { ...keys(v.inputs), now });
    expect(rejection(run)).toBe('stale_timestamp');
  });

  it('accepts a correctly signed message four minutes old', () => {
    const v = vector('wecom-post-xml-QDG6eK');
    const now = new Date((Number(v.inputs.timestamp) + 240) * 1000);
    expect(verifyAndDecrypt(signed(v.inputs), v.inputs.encrypt as string, { ...keys(v.inputs), now })).toBe(
      v.expected.msg,
    );
  });

  it('reports garbage ciphertext as undecryptable rather than throwing something else', () => {
    const key = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
    expect(rejection(() => decrypt(key, 'bm90IGEgY2lwaGVydGV4dA==', 'x'))).toBe('undecryptable');
    expect(rejection(() => decrypt(key, Buffer.alloc(32).toString('base64'), 'x'))).toBe('undecryptable');
  });

  it('round-trips multi-byte text through encrypt and decrypt with a signature that verifies', () => {
    const key = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
    const message = '<xml><Content><![CDATA[打卡 ✅ 你好]]></Content></xml>';
    for (let extra = 0; extra < 40; extra += 1) {
      const text = message + 'x'.repeat(extra);
      const cipher = encrypt(key, text, 'ww1436e0e65a779aee');
      const sig = msgSignature('tok', '1700000000', 'n1', cipher);
      const params = { msgSignature: sig, timestamp: '1700000000', nonce: 'n1' };
      expect(
        verifyAndDecrypt(params, cipher, { token: 'tok', encodingAesKey: key, receiveId: 'ww1436e0e65a779aee' }),
      ).toBe(text);
    }
  });
});
