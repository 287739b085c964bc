// The customer's survey page: server-rendered HTML, no framework, a few hundred bytes of CSS and
// one small script (position, if the customer ticks the box, and no double submit). Works without
// JavaScript; every field has a label and every group a legend, for screen readers. Pure.
import { createHash } from 'node:crypto';
import { type Locale, type Translate, translator } from '../i18n/index.js';
import { COMMENT_MAX, CSAT, NPS, SURVEY_TAGS } from './rules.js';

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const CSS =
  'body{margin:0;font:16px/1.45 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1b1f24;background:#f4f6f8}' +
  'main{max-width:30rem;margin:0 auto;padding:1rem}h1{font-size:1.3rem;margin:.2rem 0 .6rem}' +
  'p.s{color:#555;margin:.2rem 0 1rem}fieldset{border:0;margin:0 0 1.1rem;padding:0}legend{font-weight:600;margin-bottom:.5rem}' +
  '.r{display:flex;flex-wrap:wrap;gap:.35rem}.r label{flex:1 0 2.75rem}.r input,.t input{position:absolute;opacity:0}' +
  '.r span,.t span{display:block;min-height:2.75rem;line-height:2.75rem;text-align:center;border:1px solid #aab;border-radius:.5rem;background:#fff}' +
  '.t{display:flex;flex-wrap:wrap;gap:.35rem}.t span{padding:0 .8rem}' +
  'input:checked+span{background:#0b6bcb;border-color:#0b6bcb;color:#fff}input:focus-visible+span{outline:3px solid #f0a000}' +
  '.e{display:flex;justify-content:space-between;color:#555;font-size:.85rem}' +
  'textarea{box-sizing:border-box;width:100%;min-height:5.5rem;font:inherit;padding:.5rem;border:1px solid #aab;border-radius:.5rem}' +
  'button{width:100%;min-height:3rem;font:inherit;font-weight:600;color:#fff;background:#0b6bcb;border:0;border-radius:.5rem}' +
  '.g{display:flex;gap:.5rem;align-items:center;min-height:2.75rem}.g input{width:1.4rem;height:1.4rem}' +
  '.err{background:#fde8e8;color:#8a1111;padding:.6rem;border-radius:.5rem}nav{text-align:right}nav a{display:inline-block;padding:.6rem 0}';

// Fills the position only when the customer ticks the box; stops a second tap from submitting twice.
export const PAGE_SCRIPT =
  "var f=document.forms[0],g=document.getElementById('geo');" +
  "g&&g.addEventListener('change',function(){if(g.checked&&navigator.geolocation)navigator.geolocation.getCurrentPosition(" +
  'function(p){f.lat.value=p.coords.latitude.toFixed(6);f.lng.value=p.coords.longitude.toFixed(6)},function(){g.checked=false},{timeout:8000})});' +
  "f&&f.addEventListener('submit',function(e){if(f.dataset.sent){e.preventDefault();return}f.dataset.sent='1'})";

const SCRIPT_HASH = createHash('sha256').update(PAGE_SCRIPT).digest('base64');

/** Headers every survey page carries: the token in the URL must not leak through Referer. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
} as const;

export function pageLocale(query: string | undefined, acceptLanguage: string | undefined): Locale {
  if (query === 'en' || query === 'zh-CN') return query;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

function shell(locale: Locale, t: Translate, body: string, switchTo?: string): string {
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  const nav =
    switchTo === undefined
      ? ''
      : `<nav><a href="${escapeHtml(`${switchTo}?lang=${other}`)}" hreflang="${other}" lang="${other}">${t('surveys.page.switch')}</a></nav>`;
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${escapeHtml(t('surveys.page.title'))}</title><style>${CSS}</style></head><body><main>${nav}${body}</main></body></html>`;
}

export interface FormView {
  /** The page's own path (`/s/<token>`), for the form and the language switch. */
  path: string;
  order: string;
  engineer: string;
  /** A problem with the last submission, already translated. */
  error?: string;
  values?: { csat?: number; nps?: number | null; tags?: readonly string[]; comment?: string };
}

export function surveyFormPage(locale: Locale, v: FormView): string {
  const t = translator(locale);
  const val = v.values ?? {};
  const scale = (name: string, from: number, to: number, checked: number | null | undefined, required: boolean) => {
    let out = '';
    for (let n = from; n <= to; n++) {
      out += `<label><input type="radio" name="${name}" value="${n}"${checked === n ? ' checked' : ''}${required && n === from ? ' required' : ''}><span>${n}</span></label>`;
    }
    return `<div class="r">${out}</div>`;
  };
  const tags = SURVEY_TAGS.map(
    (tag) =>
      `<label><input type="checkbox" name="tags" value="${tag}"${val.tags?.includes(tag) ? ' checked' : ''}><span>${escapeHtml(t(`surveys.tag.${tag}`))}</span></label>`,
  ).join('');
  const body =
    `<h1>${escapeHtml(t('surveys.page.heading'))}</h1>` +
    `<p class="s">${escapeHtml(t('surveys.page.subtitle', { order: v.order, engineer: v.engineer }))}</p>` +
    (v.error ? `<p class="err" role="alert">${escapeHtml(v.error)}</p>` : '') +
    `<form method="post" action="${escapeHtml(v.path)}">` +
    `<input type="hidden" name="lang" value="${locale}"><input type="hidden" name="lat" value=""><input type="hidden" name="lng" value="">` +
    `<fieldset><legend>${escapeHtml(t('surveys.page.csat'))}</legend>${scale('csat', CSAT.min, CSAT.max, val.csat, true)}` +
    `<div class="e" aria-hidden="true"><span>${escapeHtml(t('surveys.page.csat_low'))}</span><span>${escapeHtml(t('surveys.page.csat_high'))}</span></div></fieldset>` +
    `<fieldset><legend>${escapeHtml(t('surveys.page.nps'))}</legend>${scale('nps', NPS.min, NPS.max, val.nps, false)}` +
    `<div class="e" aria-hidden="true"><span>${escapeHtml(t('surveys.page.nps_low'))}</span><span>${escapeHtml(t('surveys.page.nps_high'))}</span></div></fieldset>` +
    `<fieldset><legend>${escapeHtml(t('surveys.page.tags'))}</legend><div class="t">${tags}</div></fieldset>` +
    `<fieldset><legend><label for="comment">${escapeHtml(t('surveys.page.comment'))}</label></legend>` +
    `<textarea id="comment" name="comment" maxlength="${COMMENT_MAX}">${escapeHtml(val.comment ?? '')}</textarea></fieldset>` +
    `<label class="g"><input type="checkbox" id="geo"> ${escapeHtml(t('surveys.page.position'))}</label>` +
    `<button type="submit">${escapeHtml(t('surveys.page.submit'))}</button></form>` +
    `<script>${PAGE_SCRIPT}</script>`;
  return shell(locale, t, body, v.path);
}

export type EndState = 'thanks' | 'used' | 'expired' | 'invalid' | 'rate_limited';

/** The page for every outcome that is not the form: each says plainly what happened. */
export function surveyEndPage(locale: Locale, state: EndState): string {
  const t = translator(locale);
  return shell(
    locale,
    t,
    `<h1>${escapeHtml(t(`surveys.page.${state}.title`))}</h1><p role="status">${escapeHtml(t(`surveys.page.${state}.body`))}</p>`,
  );
}
