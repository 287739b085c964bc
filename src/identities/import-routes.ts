// `import` / 导入 (HR): the template, and GET/POST /import/:token, the upload page behind a signed
// link issued to that HR person (closed if they leave) and spent by one successful import.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Card } from '../../cards/card.js';
import { makeCard } from '../../cards/card.js';
import type { FeatureKit } from '../bot/feature.js';
import type { CommandContext } from '../bot/registry.js';
import { type FileService, publishReport } from '../files/index.js';
import { replyError } from '../http/reply-error.js';
import type { Guard } from '../http/route-guard.js';
import { translator } from '../i18n/index.js';
import { importEmployees, template, validate } from './import.js';

export const IMPORT_LINK = 'import';
const LINK_TTL_MS = 3_600_000;
const LINK: Guard = { kind: 'link' };
const params = z.object({ token: z.string().min(1).max(100) });

export async function importCommand(kit: FeatureKit, files: FileService, ctx: CommandContext): Promise<Card[]> {
  const { t } = ctx;
  const links = await publishReport(files, {
    kind: 'import-template',
    baseName: 'kaopu-employees-template',
    sheets: [template()],
    csv: template(),
    requestedById: ctx.actor.id,
    now: ctx.now,
  });
  const token = kit.links.sign(IMPORT_LINK, ctx.actor.id, new Date(ctx.now.getTime() + LINK_TTL_MS), ctx.actor.id);
  return [
    makeCard({
      title: t('identities.import.title'),
      audience: 'personal',
      blocks: [
        { type: 'text', text: t('identities.import.body') },
        {
          type: 'actions',
          buttons: [
            { url: links.csvUrl, label: t('identities.import.template_csv') },
            { url: links.xlsxUrl, label: t('identities.import.template_xlsx') },
            { url: `${kit.config.publicBaseUrl}/import/${token}`, label: t('identities.import.upload') },
          ],
        },
      ],
    }),
  ];
}

function page(title: string, send: string): string {
  // No data in the page: the token in the path is the credential, checked again on POST.
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${title}</title><style>body{font-family:system-ui,sans-serif;max-width:720px;margin:2rem auto;padding:0 1rem}
pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}</style></head><body><h1>${title}</h1>
<input type="file" id="file" accept=".csv,text/csv"> <button id="send">${send}</button><pre id="out"></pre>
<script>
document.getElementById('send').onclick = async () => {
  const file = document.getElementById('file').files[0];
  if (!file) return;
  const res = await fetch(location.pathname, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: await file.text() });
  const body = await res.json();
  document.getElementById('out').textContent = body.problems
    ? body.problems.map((p) => 'line ' + p.line + ' ' + p.column + ': ' + p.message).join('\\n')
    : JSON.stringify(body, null, 2);
};
</script></body></html>`;
}

export function importRoutes(kit: FeatureKit): void {
  kit.mountRoutes((server: FastifyInstance) => {
    server.register(async (scope) => {
      scope.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body));
      scope.get('/import/:token', { config: { guard: LINK } }, async (request, reply) => {
        const p = params.safeParse(request.params);
        const check = p.success ? await kit.links.check(IMPORT_LINK, p.data.token) : null;
        if (!check?.ok) return replyError(reply, 410, 'identities.import.link_invalid');
        const holder = await kit.db.employee.findUnique({ where: { id: check.subjectId }, select: { locale: true } });
        const t = translator(holder?.locale === 'en' ? 'en' : 'zh-CN');
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .header(
            'content-security-policy',
            "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'",
          )
          .send(page(t('identities.import.page_title'), t('identities.import.page_send')));
      });
      scope.post('/import/:token', { config: { guard: LINK } }, async (request, reply) => {
        const p = params.safeParse(request.params);
        if (!p.success) return replyError(reply, 410, 'identities.import.link_invalid');
        const check = await kit.links.check(IMPORT_LINK, p.data.token);
        if (!check.ok) return replyError(reply, 410, 'identities.import.link_invalid');
        const text = typeof request.body === 'string' ? request.body : '';
        // A file with problems spends nothing: HR fixes it and sends it again on the same link.
        const dry = validate(text);
        if (dry.problems.length) return reply.code(422).send({ problems: dry.problems });
        const spent = await kit.links.consume(IMPORT_LINK, p.data.token);
        if (!spent.ok) return replyError(reply, 410, 'identities.import.link_invalid');
        const result = await importEmployees(kit, text, { actorId: check.subjectId });
        if (result.problems.length) return reply.code(422).send({ problems: result.problems });
        return { created: result.created, updated: result.updated, left: result.left };
      });
    });
  });
}
