// API keys for /api/v1: a high-entropy random key shown once; only its sha256 is stored, found
// by a short public prefix. Scopes are hyphenated (`work-orders:write`, `kpi:read`).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Audit } from '../audit/audit.js';
import type { Db } from '../db/client.js';
import type { ApiScope } from './api-scope.js';

const KEY_PATTERN = /^kp_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
// lastUsedAt is for operators ("is this key still used?"); a write per request is not needed.
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export type ApiKeyCheck =
  | { ok: true; key: ApiKeySummary }
  | { ok: false; reason: 'missing' | 'malformed' | 'unknown' | 'revoked' };

export interface ApiKeyStore {
  /** Creates a key; the returned `secret` is the only time the full key exists outside the caller. */
  create(name: string, scopes: readonly ApiScope[]): Promise<{ key: ApiKeySummary; secret: string }>;
  list(): Promise<ApiKeySummary[]>;
  /** Revokes a key; false when there is no such key. */
  revoke(id: string): Promise<boolean>;
  /** Checks a presented key and records its use. */
  authenticate(presented: string | undefined): Promise<ApiKeyCheck>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function summary(row: {
  id: string;
  name: string;
  prefix: string;
  scopes: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): ApiKeySummary {
  const scopes = row.scopes.split(',').filter(Boolean) as ApiScope[];
  return { ...row, scopes };
}

export function createApiKeyStore(db: Db, audit: Audit, now: () => Date): ApiKeyStore {
  return {
    async create(name, scopes) {
      const prefix = randomBytes(6).toString('hex');
      const secret = `kp_${prefix}_${randomBytes(32).toString('base64url')}`;
      const row = await db.apiKey.create({
        data: { name, prefix, keyHash: sha256(secret), scopes: [...new Set(scopes)].join(','), createdAt: now() },
      });
      await audit({
        actorKind: 'system',
        action: 'api_key.created',
        subjectType: 'ApiKey',
        subjectId: row.id,
        channel: 'cli',
        details: { prefix, scopes: row.scopes },
      });
      return { key: summary(row), secret };
    },

    async list() {
      const rows = await db.apiKey.findMany({ orderBy: { createdAt: 'asc' } });
      return rows.map(summary);
    },

    async revoke(id) {
      const row = await db.apiKey.findUnique({ where: { id } });
      if (!row) return false;
      if (!row.revokedAt) await db.apiKey.update({ where: { id }, data: { revokedAt: now() } });
      await audit({
        actorKind: 'system',
        action: 'api_key.revoked',
        subjectType: 'ApiKey',
        subjectId: id,
        channel: 'cli',
        details: { prefix: row.prefix },
      });
      return true;
    },

    async authenticate(presented) {
      if (!presented) return { ok: false, reason: 'missing' };
      const match = KEY_PATTERN.exec(presented);
      if (!match?.[1]) return { ok: false, reason: 'malformed' };
      const row = await db.apiKey.findUnique({ where: { prefix: match[1] } });
      if (!row) return { ok: false, reason: 'unknown' };
      const given = Buffer.from(sha256(presented), 'hex');
      if (!timingSafeEqual(given, Buffer.from(row.keyHash, 'hex'))) return { ok: false, reason: 'unknown' };
      if (row.revokedAt) return { ok: false, reason: 'revoked' };
      const at = now();
      if (!row.lastUsedAt || at.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
        await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: at } });
        row.lastUsedAt = at;
      }
      return { ok: true, key: summary(row) };
    },
  };
}
