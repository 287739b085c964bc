// A template-card button carries one opaque key that WeCom echoes back as EventKey (at most
// 1024 bytes, unique within a card: https://developer.work.weixin.qq.com/document/path/90236).
// Ours is "kp:<index>:<actionId>[:<uri-encoded value>]": the index keeps keys unique, the prefix
// tells our buttons from admin-configured menu keys.
import { LIMITS } from './limits.js';

const PATTERN = /^kp:\d{1,3}:([A-Za-z0-9_.-]{1,128})(?::(.*))?$/s;

/** The key for a button, or null when it would exceed WeCom's limit. */
export function encodeButtonKey(index: number, actionId: string, value?: string): string | null {
  const key = `kp:${index}:${actionId}${value === undefined ? '' : `:${encodeURIComponent(value)}`}`;
  if (!PATTERN.test(key) || Buffer.byteLength(key, 'utf8') > LIMITS.keyBytes) return null;
  return key;
}

export function decodeButtonKey(key: string): { actionId: string; value?: string } | null {
  const match = PATTERN.exec(key);
  if (!match?.[1]) return null;
  if (match[2] === undefined) return { actionId: match[1] };
  try {
    return { actionId: match[1], value: decodeURIComponent(match[2]) };
  } catch {
    return null;
  }
}
