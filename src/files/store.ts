// ReportFile rows: generated reports, exports and chart images behind signed links.
import type { Db } from '../db/client.js';

export interface NewReportFile {
  kind: string;
  fileName: string;
  contentType: string;
  content: Buffer;
  requestedById: string | null;
  expiresAt: Date;
}

export async function createReportFile(db: Db, file: NewReportFile): Promise<string> {
  const row = await db.reportFile.create({
    data: { ...file, content: new Uint8Array(file.content) },
    select: { id: true },
  });
  return row.id;
}

export function findReportFile(db: Db, id: string) {
  return db.reportFile.findUnique({ where: { id } });
}

/** Expired files are dead weight holding personal data. */
export async function deleteExpiredReportFiles(db: Db, now: Date): Promise<number> {
  const { count } = await db.reportFile.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
