import { catalogue, type MessageKey } from '../../src/i18n/index.js';
import { PAGE_SCRIPT } from './page-script.js';

const keys = (locale: 'zh-CN' | 'en') =>
  Object.fromEntries(
    (Object.entries(catalogue(locale)) as [MessageKey, string][]).filter(([k]) => k.startsWith('console.')),
  );

// The page holds no company data: it is the same for everyone and fetches everything from the
// console API with the token the user types in.
export function consolePage(options: { needsToken: boolean }): string {
  const strings = JSON.stringify({ 'zh-CN': keys('zh-CN'), en: keys('en') }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kaopu console</title>
<style>
:root{--bg:#f5f6f8;--panel:#fff;--ink:#1d2129;--muted:#6b7280;--line:#e5e7eb;--accent:#2563eb;--warn:#d97706;--danger:#dc2626;--ok:#16a34a}
*{box-sizing:border-box}body{margin:0;font:14px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",system-ui,sans-serif;background:var(--bg);color:var(--ink)}
header{display:flex;gap:12px;align-items:center;padding:10px 16px;background:var(--panel);border-bottom:1px solid var(--line);flex-wrap:wrap}
header h1{font-size:16px;margin:0 12px 0 0}header .sub{color:var(--muted);font-size:12px;flex:1;min-width:200px}
select,button,input{font:inherit}select,input{padding:6px 8px;border:1px solid var(--line);border-radius:6px;background:#fff}
button{padding:6px 12px;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:6px;cursor:pointer}
button.secondary{background:#fff;color:var(--accent)}button:disabled{opacity:.5;cursor:default}
nav{display:flex;gap:4px;padding:8px 16px 0}nav button{border-radius:6px 6px 0 0;background:#fff;color:var(--ink);border-color:var(--line)}
nav button[aria-selected=true]{background:var(--accent);color:#fff;border-color:var(--accent)}
main{max-width:860px;margin:0 auto;padding:0 16px 16px}
#log{height:calc(100vh - 210px);min-height:240px;overflow:auto;padding:12px;background:var(--panel);border:1px solid var(--line);border-radius:0 8px 8px 8px}
.msg{margin:8px 0;display:flex}.msg.me{justify-content:flex-end}.bubble{background:#dbeafe;padding:6px 10px;border-radius:10px;max-width:70%;white-space:pre-wrap}
.card{border:1px solid var(--line);border-left:4px solid var(--accent);border-radius:8px;padding:10px 12px;max-width:640px;background:#fff;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.card.warning{border-left-color:var(--warn)}.card.danger{border-left-color:var(--danger)}.card.success{border-left-color:var(--ok)}
.card h3{margin:0 0 6px;font-size:15px}.card p{margin:6px 0;white-space:pre-wrap}.card dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}
.card dt{color:var(--muted)}.card dd{margin:0}.card hr{border:0;border-top:1px solid var(--line)}
.bar{display:grid;grid-template-columns:minmax(90px,max-content) 1fr max-content;gap:8px;align-items:center;margin:4px 0}
.bar .track{height:8px;background:#eef2f7;border-radius:4px;overflow:hidden}.bar .fill{height:100%;background:var(--accent)}.bar.hl .fill{background:var(--warn)}.bar.hl span:first-child{color:var(--warn);font-weight:600}
.card table{border-collapse:collapse;margin:6px 0;width:100%}.card td,.card th{border-bottom:1px solid var(--line);padding:3px 6px;text-align:left;font-size:13px}
.card img{max-width:100%;border-radius:6px}.actions{display:flex;gap:6px;flex-wrap:wrap;margin-top:8px}.actions a{padding:6px 12px;border:1px solid var(--accent);border-radius:6px;color:var(--accent);text-decoration:none}
form{display:flex;gap:8px;margin-top:10px}form input{flex:1}.card form.inputs{display:grid;grid-template-columns:max-content 1fr;gap:6px 12px;align-items:center}.card form.inputs small{grid-column:2;color:var(--muted);margin-top:-4px}.card form.inputs button{grid-column:2;justify-self:start}
.empty{color:var(--muted);text-align:center;margin-top:40px}.err{color:var(--danger)}
/* phone first (issue 18): nothing wider than the chat; tables scroll inside their card; bars keep a full row */
.msg>*{min-width:0;max-width:100%}.card{max-width:min(640px,100%);min-width:0;overflow-wrap:anywhere}.card dd{min-width:0}
.card table{display:block;overflow-x:auto;max-width:100%}
#composer input{min-width:0}#composer select{min-width:0;max-width:40%;flex:0 1 auto}header select{max-width:100%}
@media (max-width:520px){main{padding:0 6px 8px}#log{padding:6px;height:calc(100vh - 250px)}.bubble{max-width:85%}header{padding:8px}header .sub{display:none}
.bar{grid-template-columns:1fr max-content;gap:2px 8px}.bar .track{grid-column:1/-1;grid-row:2;height:10px}}
</style>
</head>
<body>
<header><h1 data-t="console.title"></h1><span class="sub" data-t="console.subtitle"></span>
<label><span data-t="console.pick_user"></span> <select id="user" aria-label="user"></select></label>
<button id="lang" class="secondary" type="button"></button></header>
<main>
<nav role="tablist"><button id="tab-chat" role="tab" aria-selected="true" type="button" data-t="console.tab.chat"></button>
<button id="tab-groups" role="tab" aria-selected="false" type="button" data-t="console.tab.groups"></button>
<select id="group" aria-label="group" hidden></select></nav>
<section id="log" aria-live="polite"></section>
<form id="composer"><input id="text" autocomplete="off" aria-label="message"><select id="location" aria-label="location"></select><button id="send" type="submit" data-t="console.send"></button></form>
</main>
<script>window.KAOPU=${JSON.stringify({ needsToken: options.needsToken })};window.KAOPU_STRINGS=${strings};</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>`;
}
