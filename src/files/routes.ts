// GET /files/:token and GET /charts/:token.png: signed, expiring downloads of ReportFile rows.
// The link is the credential (chat platforms fetch images without our login), so every
// download is audited against the person the link was issued to.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Audit } from '../audit/audit.js';
import type { Db } from '../db/client.js';
import { replyError } from '../http/reply-error.js';
import type { Guard } from '../http/route-guard.js';
import type { Links } from '../kit/index.js';
import { FILE_LINK } from './file-service.js';
import { findReportFile } from './store.js';

export interface FileRouteDeps {
  db: Db;
  audit: Audit;
  links: Links;
  now: () => Date;
}

// The signed token in the path is the credential; the request log never shows it.
const LINK: Guard = { kind: 'link' };

const fileParams = z.object({ token: z.string().min(1).max(100) });
const chartParams = z.object({
  file: z
    .string()
    .min(5)
    .max(100)
    .regex(/\.png$/),
});

/** RFC 6266: an ASCII fallback plus the UTF-8 name for browsers that read filename*. */
function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function fileRoutes(server: FastifyInstance, deps: FileRouteDeps): void {
  async function serve(reply: FastifyReply, token: string, disposition: 'attachment' | 'inline') {
    const now = deps.now();
    // `check`: a link issued to someone who has since left opens nothing (410, as if expired).
    const check = await deps.links.check(FILE_LINK, token);
    if (!check.ok) {
      return check.reason === 'invalid'
        ? replyError(reply, 404, 'reports.link_invalid')
        : replyError(reply, 410, 'reports.link_expired');
    }
    const file = await findReportFile(deps.db, check.subjectId);
    if (!file) return replyError(reply, 410, 'reports.link_expired');
    if (file.expiresAt.getTime() <= now.getTime()) return replyError(reply, 410, 'reports.link_expired');
    await deps.audit({
      actorId: file.requestedById,
      actorKind: file.requestedById ? 'employee' : 'system',
      action: 'report.file.downloaded',
      subjectType: 'ReportFile',
      subjectId: file.id,
      channel: 'http',
      details: { kind: file.kind },
    });
    return reply
      .code(200)
      .header('content-type', file.contentType)
      .header('content-disposition', contentDisposition(disposition, file.fileName))
      .header('cache-control', disposition === 'inline' ? 'private, max-age=3600' : 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(file.content));
  }

  server.get('/files/:token', { config: { guard: LINK } }, async (request, reply) => {
    const params = fileParams.safeParse(request.params);
    if (!params.success) return replyError(reply, 404, 'reports.link_invalid');
    return serve(reply, params.data.token, 'attachment');
  });

  server.get('/charts/:file', { config: { guard: LINK } }, async (request, reply) => {
    const params = chartParams.safeParse(request.params);
    if (!params.success) return replyError(reply, 404, 'reports.link_invalid');
    return serve(reply, params.data.file.slice(0, -'.png'.length), 'inline');
  });
}
