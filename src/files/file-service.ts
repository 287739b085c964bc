// Publishing a generated file: store it, sign a link, hand back the URL a card can carry.
import type { Db } from '../db/client.js';
import type { Links } from '../kit/index.js';
import { createReportFile, deleteExpiredReportFiles } from './store.js';

/** Links live three days: long enough to open from a chat the next morning, short for leaks. */
const LINK_TTL_HOURS = 72;

/** The link purpose report downloads are signed for. */
export const FILE_LINK = 'file';

export interface FileService {
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
  links: Links;
}

export function createFileService(deps: FileServiceDeps): FileService {
  return {
    ttlHours: LINK_TTL_HOURS,
    async publish(file) {
      const expiresAt = new Date(file.now.getTime() + LINK_TTL_HOURS * 3_600_000);
      const { now: _now, ...rest } = file;
      // No scheduler exists yet, so each publish sweeps expired files (they hold personal data)
      await deleteExpiredReportFiles(deps.db, file.now);
      const id = await createReportFile(deps.db, { ...rest, expiresAt });
      // Issued to the requester: the link dies when they leave (kit.links.check).
      const token = deps.links.sign(FILE_LINK, id, expiresAt, file.requestedById ?? undefined);
      return file.kind === 'chart'
        ? `${deps.publicBaseUrl}/charts/${token}.png`
        : `${deps.publicBaseUrl}/files/${token}`;
    },
  };
}
