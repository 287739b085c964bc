// Publishing a generated file: store it, sign a link, hand back the URL a card can carry.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { signLink } from './links.js';
import { createReportFile, deleteExpiredReportFiles } from './store.js';

/** Links live three days: long enough to open from a chat the next morning, short for leaks. */
const LINK_TTL_HOURS = 72;

export interface FileService {
  readonly secret: string;
  readonly ttlHours: number;
  /** Stores the file and returns its signed download URL (charts get a .png URL). */
  publish(file: PublishInput): Promise<string>;
}

export interface PublishInput {
  kind: string;
  fileName: string;
  contentType: string;
  content: Buffer;
  requestedById: string | null;
  now: Date;
}

export interface FileServiceDeps {
  db: Db;
  publicBaseUrl: string;
  secret: string;
}

export function createFileService(deps: FileServiceDeps): FileService {
  return {
    secret: deps.secret,
    ttlHours: LINK_TTL_HOURS,
    async publish(file) {
      const expiresAt = new Date(file.now.getTime() + LINK_TTL_HOURS * 3_600_000);
      const { now: _now, ...rest } = file;
      // No scheduler exists yet, so each publish sweeps expired files (they hold personal data)
      await deleteExpiredReportFiles(deps.db, file.now);
      const id = await createReportFile(deps.db, { ...rest, expiresAt });
      const token = signLink(deps.secret, id, expiresAt);
      return file.kind === 'chart'
        ? `${deps.publicBaseUrl}/charts/${token}.png`
        : `${deps.publicBaseUrl}/files/${token}`;
    },
  };
}

/**
 * LINK_SIGNING_SECRET, or a random one for this process when unset: fine for a demo, but every
 * link dies on restart and replicas cannot verify each other's links, so the operator is told.
 */
export function linkSigningSecret(configured: string | undefined, logger: Logger): string {
  if (configured) return configured;
  logger.warn('LINK_SIGNING_SECRET is not set: using a random secret, so report links stop working on restart');
  return randomBytes(32).toString('hex');
}
