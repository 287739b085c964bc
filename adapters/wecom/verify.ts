// WeCom callback crypto (加解密方案说明, https://developer.work.weixin.qq.com/document/path/90968):
// SHA1 signature over the sorted (token, timestamp, nonce, encrypt) and AES-256-CBC with the
// EncodingAESKey. Pure: secrets and the clock are parameters, so tests sign fixtures at run time.
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Why a callback was refused; the route maps these onto 401 / 400. */
export type VerifyFailure = 'bad_signature' | 'stale_timestamp' | 'undecryptable' | 'wrong_receiver';

export class WecomCryptoError extends Error {
  constructor(
    readonly reason: VerifyFailure,
    message: string,
  ) {
    super(message);
    this.name = 'WecomCryptoError';
  }
}

// The plaintext is padded to a multiple of 32 bytes, not AES's 16 (PKCS#7 with k = 32).
const BLOCK = 32;
/** WeCom retries for a while but a replayed request older than this is refused. */
export const MAX_SKEW_SECONDS = 300;

export function msgSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypt].sort().join('')).digest('hex');
}

export function signatureMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The 32-byte key: base64 of the 43-character EncodingAESKey plus the missing "=". */
export function aesKey(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new WecomCryptoError('undecryptable', 'WECOM_ENCODING_AES_KEY must decode to 32 bytes');
  return key;
}

/** Decrypts an Encrypt field and checks the receive id (the corp id) at its tail. */
export function decrypt(encodingAesKey: string, encrypt: string, receiveId: string): string {
  const key = aesKey(encodingAesKey);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    plain = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]);
  } catch (err) {
    throw new WecomCryptoError('undecryptable', `AES decryption failed: ${(err as Error).message}`);
  }
  const pad = plain[plain.length - 1] ?? 0;
  if (plain.length < 20 + pad || pad < 1 || pad > BLOCK) {
    throw new WecomCryptoError('undecryptable', 'invalid padding');
  }
  const content = plain.subarray(16, plain.length - pad);
  const length = content.readUInt32BE(0);
  if (length > content.length - 4) throw new WecomCryptoError('undecryptable', 'message length exceeds payload');
  const message = content.subarray(4, 4 + length).toString('utf8');
  const tail = content.subarray(4 + length).toString('utf8');
  if (tail !== receiveId) throw new WecomCryptoError('wrong_receiver', 'receive id does not match WECOM_CORP_ID');
  return message;
}

/** Encrypts a message the way WeCom does (used for passive replies and by tests). */
export function encrypt(encodingAesKey: string, message: string, receiveId: string, random = randomBytes(16)): string {
  const key = aesKey(encodingAesKey);
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length, 0);
  const raw = Buffer.concat([random, length, body, Buffer.from(receiveId, 'utf8')]);
  const pad = BLOCK - (raw.length % BLOCK);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([raw, Buffer.alloc(pad, pad)])), cipher.final()]).toString(
    'base64',
  );
}

export interface SignedParams {
  msgSignature: string;
  timestamp: string;
  nonce: string;
}

export interface VerifyOptions {
  token: string;
  encodingAesKey: string;
  receiveId: string;
  /** Current time; omit to skip the freshness check (published vectors are from 2014). */
  now?: Date;
}

/**
 * Verifies the signature, then the timestamp, then decrypts: the order WeCom's own SDK uses,
 * so a forged request never reaches the cipher.
 */
export function verifyAndDecrypt(params: SignedParams, encrypted: string, options: VerifyOptions): string {
  const expected = msgSignature(options.token, params.timestamp, params.nonce, encrypted);
  if (!signatureMatches(expected, params.msgSignature)) {
    throw new WecomCryptoError('bad_signature', 'msg_signature does not match (check WECOM_TOKEN)');
  }
  if (options.now) {
    const sent = Number(params.timestamp);
    const skew = Math.abs(options.now.getTime() / 1000 - sent);
    if (!Number.isFinite(sent) || skew > MAX_SKEW_SECONDS) {
      throw new WecomCryptoError('stale_timestamp', 'timestamp is more than 5 minutes away from our clock');
    }
  }
  return decrypt(options.encodingAesKey, encrypted, options.receiveId);
}
