// Our node:crypto implementation against WeCom's own npm package, both directions, so a change on
// either side that breaks interoperability fails here (the published vectors cover only a few inputs).
import { randomBytes } from 'node:crypto';
import * as wecom from '@wecom/crypto';
import { describe, expect, it } from 'vitest';
import { decrypt, encrypt, msgSignature } from '../../../adapters/wecom/verify.js';

const CORP_ID = 'ww1234567890abcdef';

// Seeded, so a failure names the exact input and repeats on the next run.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['a', 'Z', '7', ' ', '<', '&', '\n', '打', '卡', '绩', '效', 'é', '😀', '𠮷'];

function randomMessage(next: () => number): string {
  const length = Math.floor(next() * 600);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return out;
}

function encodingAesKey(next: () => number): string {
  const bytes = Buffer.from(Array.from({ length: 32 }, () => Math.floor(next() * 256)));
  return bytes.toString('base64').slice(0, 43);
}

const next = prng(20261129);
const random = Array.from({ length: 60 }, (_, i) => ({
  name: `random #${i}`,
  key: encodingAesKey(next),
  message: randomMessage(next),
}));

// 16 random bytes + 4 length bytes + message + corp id: 20 + 18 + 26 = 64, a multiple of the
// 32-byte pad block, so the padding is one whole block of 32s.
const blockMultiple = 'x'.repeat(32 - ((20 + Buffer.byteLength(CORP_ID)) % 32) + 32);

const edges = [
  { name: 'empty', message: '' },
  { name: 'multi-byte', message: '张三 打卡成功 ✅ 😀 𠮷野家' },
  { name: 'plaintext a multiple of the block size', message: blockMultiple },
  { name: 'message alone a multiple of the block size', message: 'y'.repeat(64) },
  { name: 'XML callback body', message: '<xml><Content><![CDATA[帮助]]></Content></xml>' },
].map((e) => ({ ...e, key: encodingAesKey(next) }));

const cases = [...edges, ...random];

describe('WeCom crypto agrees with @wecom/crypto', () => {
  it('pads the block-size case to a whole extra block', () => {
    expect((20 + Buffer.byteLength(blockMultiple) + Buffer.byteLength(CORP_ID)) % 32).toBe(0);
    const plainLength = Buffer.from(encrypt(edges[0]?.key as string, blockMultiple, CORP_ID), 'base64').length;
    expect(plainLength).toBe(20 + Buffer.byteLength(blockMultiple) + Buffer.byteLength(CORP_ID) + 32);
  });

  it.each(cases)('@wecom/crypto decrypts what we encrypt ($name)', ({ key, message }) => {
    const ours = encrypt(key, message, CORP_ID);
    const theirs = wecom.decrypt(key, ours);
    expect(theirs.message).toBe(message);
    expect(theirs.id).toBe(CORP_ID);
  });

  it.each(cases)('we decrypt what @wecom/crypto encrypts ($name)', ({ key, message }) => {
    const theirs = wecom.encrypt(key, message, CORP_ID);
    expect(decrypt(key, theirs, CORP_ID)).toBe(message);
  });

  it.each(cases)('both produce the same ciphertext from the same random prefix ($name)', ({ key, message }) => {
    const prefix = randomBytes(16);
    expect(encrypt(key, message, CORP_ID, prefix)).toBe(wecom.encrypt(key, message, CORP_ID, prefix));
  });

  it.each(cases)('both sign a ciphertext the same way ($name)', ({ key, message }) => {
    const ciphertext = wecom.encrypt(key, message, CORP_ID);
    const timestamp = String(1_700_000_000 + message.length);
    const nonce = String(Math.floor(next() * 1e9));
    expect(msgSignature('kaopuToken', timestamp, nonce, ciphertext)).toBe(
      wecom.getSignature('kaopuToken', timestamp, nonce, ciphertext),
    );
  });
});
