// The mobile check-in page `/c/<token>`: asks the browser for its position, shows the sites that
// count today, and posts the fix (position, accuracy, time, any mock-location hint, a device id
// kept in localStorage) back to the same URL. Everything shown is escaped; the script is inline
// and the page's CSP allows only it and same-origin requests.
import type { Translate } from '../i18n/index.js';

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

export const PAGE_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'";

function shell(title: string, body: string, lang: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:16px;max-width:520px;margin:auto;color:#1f2328}
h1{font-size:1.3em}li{margin:4px 0}.muted{color:#656d76}button{font-size:1.1em;padding:10px 18px;border-radius:8px;border:0;background:#1f6feb;color:#fff}
button:disabled{background:#8c959f}#result{margin-top:16px;padding:12px;border-radius:8px;background:#f6f8fa}
.valid{border-left:4px solid #1a7f37}.needs_review{border-left:4px solid #bf8700}.refused{border-left:4px solid #cf222e}</style>
</head><body>${body}</body></html>`;
}

export function messagePage(message: string, t: Translate, lang: string): string {
  return shell(t('app.name'), `<h1>${escapeHtml(t('app.name'))}</h1><p id="message">${escapeHtml(message)}</p>`, lang);
}

export interface PageView {
  kind: 'IN' | 'OUT';
  name: string;
  sites: { name: string; workOrderTitle: string | null }[];
}

export function checkInPage(v: PageView, t: Translate, lang: string): string {
  const kind = t(`attendance.kind.${v.kind}`);
  const sites = v.sites.length
    ? `<ol id="sites">${v.sites
        .map(
          (s) =>
            `<li>${escapeHtml(s.name)}${s.workOrderTitle ? ` <span class="muted">${escapeHtml(t('attendance.page.work_order', { title: s.workOrderTitle }))}</span>` : ''}</li>`,
        )
        .join('')}</ol>`
    : `<p class="muted">${escapeHtml(t('attendance.link.no_sites'))}</p>`;
  const text = {
    locating: t('attendance.page.locating'),
    denied: t('attendance.page.denied'),
  };
  // JSON inside <script>: `<` escaped so no text can close the script element.
  const data = JSON.stringify(text).replace(/</g, '\\u003c');
  const body = `<h1>${escapeHtml(t('attendance.page.title', { kind }))}</h1>
<p>${escapeHtml(v.name)}</p>
<h2>${escapeHtml(t('attendance.page.sites'))}</h2>${sites}
<p id="position" class="muted">${escapeHtml(text.locating)}</p>
<button id="submit" disabled>${escapeHtml(t('attendance.page.submit', { kind }))}</button>
<div id="result" hidden></div>
<script>
(function () {
  var T = ${data};
  var pos = null;
  var button = document.getElementById('submit');
  var where = document.getElementById('position');
  var result = document.getElementById('result');
  var device = null;
  try {
    device = localStorage.getItem('kaopu-device');
    if (!device) { device = Math.random().toString(36).slice(2) + Date.now().toString(36); localStorage.setItem('kaopu-device', device); }
  } catch (e) { device = null; }
  function show(p) {
    pos = p;
    where.textContent = p.coords.latitude.toFixed(6) + ', ' + p.coords.longitude.toFixed(6) + ' ±' + Math.round(p.coords.accuracy) + ' m';
    button.disabled = false;
  }
  if (!navigator.geolocation) { where.textContent = T.denied; return; }
  navigator.geolocation.getCurrentPosition(show, function () { where.textContent = T.denied; },
    { enableHighAccuracy: true, timeout: 15000, maximumAge: 0 });
  button.addEventListener('click', function () {
    if (!pos) return;
    button.disabled = true;
    var body = {
      lat: pos.coords.latitude, lng: pos.coords.longitude,
      accuracyM: typeof pos.coords.accuracy === 'number' ? pos.coords.accuracy : null,
      at: new Date(pos.timestamp || Date.now()).toISOString(),
      mock: pos.mocked === true || (pos.coords && pos.coords.mocked === true),
      device: device
    };
    fetch(location.pathname, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        result.hidden = false;
        result.className = j.shown || 'refused';
        result.textContent = '';
        var h = document.createElement('strong'); h.textContent = j.title || ''; result.appendChild(h);
        (j.lines || []).forEach(function (l) { var p = document.createElement('p'); p.textContent = l; result.appendChild(p); });
        if (j.error && j.error.message) { var e = document.createElement('p'); e.textContent = j.error.message; result.appendChild(e); }
      })
      .catch(function () { button.disabled = false; });
  });
})();
</script>`;
  return shell(t('attendance.page.title', { kind }), body, lang);
}
