// /s/<token>: the customer's page (GET), its QR code (GET /s/<token>/qr.png) and the answer
// (POST, an HTML form or JSON). No login: the signed token is the credential, verified before
// any database read. Every outcome is a page a customer can read, in zh-CN or en.
import QRCode from 'qrcode';
import { z } from 'zod';
import type { FeatureKit } from '../bot/feature.js';
import { route } from '../http/route-spec.js';
import { translator } from '../i18n/index.js';
import { submissionBody, submissionSchema, submitAnswer } from './answer.js';
import { type EndState, PAGE_HEADERS, pageLocale, surveyEndPage, surveyFormPage } from './page.js';
import { COMMENT_MAX, CSAT, NPS, SUBMIT_LIMIT, SURVEY_LINK, SURVEY_TAGS } from './rules.js';

const params = z.object({ token: z.string().min(1).max(100) });
const query = z.object({ lang: z.enum(['zh-CN', 'en']).optional() }).partial();

const STATUS: Record<EndState, number> = { thanks: 200, used: 409, expired: 410, invalid: 404, rate_limited: 429 };

/** Submissions per address in a sliding window; in memory (one process), enough to stop a flood. */
export function createRateLimit(now: () => Date, limit = SUBMIT_LIMIT) {
  const hits = new Map<string, number[]>();
  return (key: string): boolean => {
    const t = now().getTime();
    const recent = (hits.get(key) ?? []).filter((at) => t - at < limit.windowMs);
    if (recent.length >= limit.max) {
      hits.set(key, recent);
      return false;
    }
    recent.push(t);
    hits.delete(key);
    hits.set(key, recent);
    // Forget the oldest addresses rather than grow without bound.
    if (hits.size > 10_000) hits.delete(hits.keys().next().value as string);
    return true;
  };
}

export function surveyRoutes(kit: FeatureKit): void {
  const allow = createRateLimit(kit.now);
  const acceptLanguage = (h: string | string[] | undefined) => (Array.isArray(h) ? h[0] : h);

  async function formView(token: string) {
    const check = kit.links.verify(SURVEY_LINK, token);
    if (!check.ok) return { state: check.reason } as const;
    const inv = await kit.db.surveyInvitation.findUnique({
      where: { code: check.subjectId },
      select: { usedAt: true, workOrder: { select: { externalId: true } }, employee: { select: { name: true } } },
    });
    if (!inv) return { state: 'invalid' } as const;
    if (inv.usedAt) return { state: 'used' } as const;
    return { state: 'form', order: inv.workOrder.externalId, engineer: inv.employee.name } as const;
  }

  kit.http.page('/s', [
    route({
      method: 'GET',
      path: '/:token',
      summary: 'Customer satisfaction survey page',
      params,
      query,
      handle: async ({ params: p, query: q, request, reply }) => {
        const locale = pageLocale(q.lang, acceptLanguage(request.headers['accept-language']));
        const view = await formView(p.token);
        if (view.state !== 'form') {
          return reply.code(STATUS[view.state]).headers(PAGE_HEADERS).send(surveyEndPage(locale, view.state));
        }
        return reply
          .code(200)
          .headers(PAGE_HEADERS)
          .send(surveyFormPage(locale, { path: `/s/${p.token}`, order: view.order, engineer: view.engineer }));
      },
    }),
    route({
      method: 'GET',
      path: '/:token/qr.png',
      summary: "QR code of a survey link, for the engineer's card",
      params,
      handle: async ({ params: p, reply }) => {
        const check = kit.links.verify(SURVEY_LINK, p.token);
        if (!check.ok) return reply.code(404).headers({ 'cache-control': 'no-store' }).send();
        const png = await QRCode.toBuffer(`${kit.config.publicBaseUrl}/s/${p.token}`, {
          type: 'png',
          errorCorrectionLevel: 'M',
          margin: 2,
          scale: 6,
        });
        return reply
          .code(200)
          .headers({
            'content-type': 'image/png',
            'cache-control': 'private, max-age=3600',
            'x-content-type-options': 'nosniff',
            'referrer-policy': 'no-referrer',
          })
          .send(png);
      },
    }),
    route({
      method: 'POST',
      path: '/:token',
      summary: 'Answer a customer satisfaction survey (HTML form or JSON)',
      params,
      query,
      body: submissionBody,
      handle: async ({ params: p, query: q, body, request, reply }) => {
        const raw = body as Record<string, unknown>;
        const lang = typeof raw.lang === 'string' ? raw.lang : q.lang;
        const locale = pageLocale(lang, acceptLanguage(request.headers['accept-language']));
        const end = (state: EndState) =>
          reply.code(STATUS[state]).headers(PAGE_HEADERS).send(surveyEndPage(locale, state));
        if (!allow(request.ip)) return end('rate_limited');
        const check = kit.links.verify(SURVEY_LINK, p.token);
        if (!check.ok) return end(check.reason);
        const parsed = submissionSchema.safeParse(raw);
        if (!parsed.success) {
          const view = await formView(p.token);
          if (view.state !== 'form') return end(view.state);
          const t = translator(locale);
          const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))];
          return reply
            .code(400)
            .headers(PAGE_HEADERS)
            .send(
              surveyFormPage(locale, {
                path: `/s/${p.token}`,
                order: view.order,
                engineer: view.engineer,
                values: keptValues(raw),
                error: t('surveys.page.invalid_input', {
                  fields: fields.map((f) => t(fieldKey(f))).join(t('surveys.page.list_sep')),
                }),
              }),
            );
        }
        const outcome = await submitAnswer(kit, p.token, parsed.data, request);
        return end(outcome.status === 'stored' ? 'thanks' : outcome.status);
      },
    }),
  ]);
}

/** What the customer entered that is still valid, so a refused form comes back filled in. */
function keptValues(raw: Record<string, unknown>) {
  const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const int = (v: unknown, min: number, max: number) => {
    const n = Number(first(v));
    return first(v) !== '' && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
  };
  const tags = (Array.isArray(raw.tags) ? raw.tags : [raw.tags]).filter((x): x is string =>
    (SURVEY_TAGS as readonly unknown[]).includes(x),
  );
  const comment = first(raw.comment);
  const csat = int(raw.csat, CSAT.min, CSAT.max);
  const nps = int(raw.nps, NPS.min, NPS.max);
  return {
    ...(csat === undefined ? {} : { csat }),
    ...(nps === undefined ? {} : { nps }),
    tags,
    ...(typeof comment === 'string' ? { comment: comment.slice(0, COMMENT_MAX) } : {}),
  };
}

function fieldKey(field: string) {
  switch (field) {
    case 'csat':
      return 'surveys.page.csat' as const;
    case 'nps':
      return 'surveys.page.nps' as const;
    case 'tags':
      return 'surveys.page.tags' as const;
    case 'comment':
      return 'surveys.page.comment' as const;
    default:
      return 'surveys.page.position' as const;
  }
}
