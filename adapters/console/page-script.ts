// The console page's browser script, kept as plain ES2020 so it runs without a build step.
export const PAGE_SCRIPT = String.raw`
(() => {
  const S = window.KAOPU_STRINGS;
  let locale = localStorage.getItem('kaopu.locale') || (navigator.language.startsWith('zh') ? 'zh-CN' : 'en');
  let token = sessionStorage.getItem('kaopu.token') || '';
  let users = [];
  let tab = 'chat';
  const history = new Map();
  // Buttons whose request is running (actionId|value): not sent twice, and every card button is
  // disabled until the answer has arrived.
  const running = new Set();
  const runKey = (btn) => btn.actionId + '|' + (btn.value === undefined ? '' : btn.value);
  const $ = (id) => document.getElementById(id);
  const t = (k, p) => (S[locale][k] || k).replace(/\{(\w+)\}/g, (m, n) => (p && p[n] !== undefined ? p[n] : m));

  function applyStrings() {
    document.documentElement.lang = locale;
    document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
    $('lang').textContent = t('console.language');
    $('text').placeholder = t('console.placeholder');
    document.title = t('console.title');
  }

  async function api(path, body) {
    const headers = { accept: 'application/json' };
    if (body) headers['content-type'] = 'application/json';
    if (token) headers.authorization = 'Bearer ' + token;
    const res = await fetch('/console/api/' + path, { method: body ? 'POST' : 'GET', headers, body: body ? JSON.stringify(body) : undefined });
    if (res.status === 401 && window.KAOPU.needsToken) {
      token = prompt(token ? t('console.token_wrong') : t('console.token_prompt')) || '';
      sessionStorage.setItem('kaopu.token', token);
      if (!token) throw new Error('401');
      return api(path, body);
    }
    const data = await res.json();
    if (!res.ok) throw new Error(data.error ? data.error.message : res.status);
    return data;
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') node.className = v; else if (k.startsWith('on')) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }

  function renderCard(card, groupId) {
    const box = el('article', { class: 'card ' + (card.tone || 'info') }, el('h3', {}, card.title));
    for (const b of card.blocks || []) {
      if (b.type === 'text') box.append(el('p', {}, b.text));
      else if (b.type === 'fields') { const dl = el('dl'); for (const f of b.fields) dl.append(el('dt', {}, f.label), el('dd', {}, f.value)); box.append(dl); }
      else if (b.type === 'progress') {
        const fill = el('div', { class: 'fill' }); fill.style.width = Math.max(0, Math.min(1, b.ratio)) * 100 + '%';
        box.append(el('div', { class: 'bar' + (b.highlight ? ' hl' : '') }, el('span', {}, b.label), el('div', { class: 'track' }, fill), el('span', {}, b.display)));
      }
      else if (b.type === 'image') box.append(el('img', { src: b.url, alt: b.alt }));
      else if (b.type === 'divider') box.append(el('hr'));
      else if (b.type === 'table') {
        const table = el('table', {}, el('tr', {}, ...b.columns.map((c) => el('th', {}, c))));
        for (const r of b.rows) table.append(el('tr', {}, ...r.map((c) => el('td', {}, c))));
        box.append(table);
      }
      else if (b.type === 'actions') {
        const row = el('div', { class: 'actions' });
        for (const btn of b.buttons) {
          if (btn.url) row.append(el('a', { href: btn.url, target: '_blank', rel: 'noopener' }, btn.label));
          else {
            const node = el('button', { type: 'button', class: btn.style === 'primary' ? '' : 'secondary', 'data-action': btn.actionId,
              onclick: () => press(btn, groupId) }, btn.label);
            // while an answer is on its way the log re-renders and scrolls: no button takes a stray second click
            node.disabled = running.size > 0;
            row.append(node);
          }
        }
        box.append(row);
      }
      else if (b.type === 'form') box.append(renderForm(b, groupId));
    }
    return box;
  }

  // A form block: labelled inputs whose submit presses the form's action with the JSON value
  // {"value": submit.value, "fields": {id: text}} that features parse.
  function renderForm(b, groupId) {
    const form = el('form', { class: 'inputs' });
    const inputs = {};
    b.fields.forEach((f, i) => {
      const id = 'f' + Math.random().toString(36).slice(2) + i;
      const input = el('input', { id, name: f.id, type: f.kind === 'number' ? 'number' : 'text', 'data-field': f.id });
      if (f.kind === 'number') input.step = 'any';
      if (f.initial !== undefined) input.value = f.initial;
      input.required = !!f.required;
      inputs[f.id] = input;
      form.append(el('label', { for: id }, f.label), input);
      if (f.hint) form.append(el('small', {}, f.hint));
    });
    form.append(el('button', { type: 'submit' }, b.submit.label));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const fields = {};
      for (const [k, input] of Object.entries(inputs)) fields[k] = input.value;
      press({ actionId: b.submit.actionId, label: b.submit.label, value: JSON.stringify({ value: b.submit.value, fields }) }, groupId);
    });
    return form;
  }

  // The chat survives a reload (kept for this browser tab only, the last 60 entries per person).
  const HISTORY_KEY = 'kaopu.history';
  function saveHistory() {
    try {
      const out = {};
      for (const [uid, list] of history) out[uid] = list.slice(-60);
      sessionStorage.setItem(HISTORY_KEY, JSON.stringify(out));
    } catch (e) { /* storage full or off: the chat still works */ }
  }
  function loadHistory() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(HISTORY_KEY) || '{}');
      for (const [uid, list] of Object.entries(saved)) if (Array.isArray(list)) history.set(uid, list);
    } catch (e) { /* a damaged entry starts a fresh chat */ }
  }

  function push(entry) {
    const uid = $('user').value;
    if (!history.has(uid)) history.set(uid, []);
    history.get(uid).push(entry);
    saveHistory();
    if (tab === 'chat') draw();
  }

  function draw() {
    const log = $('log');
    log.replaceChildren();
    for (const e of history.get($('user').value) || []) {
      if (e.me) log.append(el('div', { class: 'msg me' }, el('div', { class: 'bubble' }, e.me)));
      else if (e.card) log.append(el('div', { class: 'msg' }, renderCard(e.card)));
      else if (e.error) log.append(el('div', { class: 'msg err' }, t('console.error', { message: e.error })));
    }
    log.scrollTop = log.scrollHeight;
  }

  async function send(text) {
    if (tab === 'groups') return sayInGroup(text);
    push({ me: text });
    try {
      const { replies } = await api('messages', { userId: $('user').value, text, locale });
      replies.forEach((card) => push({ card }));
    } catch (e) { push({ error: e.message }); }
  }

  // Said in a group: the group's history shows what everyone sees; what only the sender may see
  // (a KPI card, a report) comes back in replies and joins the direct chat.
  async function sayInGroup(text) {
    const groupId = $('group').value;
    if (!groupId) return;
    try {
      const { replies } = await api('messages', { userId: $('user').value, groupId, text, locale });
      replies.forEach((card) => push({ card }));
      await drawGroup();
    } catch (e) { $('log').append(el('p', { class: 'err' }, t('console.error', { message: e.message }))); }
  }

  // A button is disabled while its request runs, so a double click sends once. A press on a group
  // card whose answer is the card itself, updated in place (an alert's Acknowledge), stays on the
  // group tab and redraws it once the update has been stored; a press that answers privately goes
  // to the direct chat with its replies.
  async function press(btn, groupId) {
    const key = runKey(btn);
    if (running.has(key)) return;
    running.add(key);
    if (!groupId) push({ me: '[' + btn.label + ']' });
    try {
      const body = { userId: $('user').value, actionId: btn.actionId, locale };
      if (btn.value !== undefined) body.value = btn.value;
      if (groupId) body.groupId = groupId;
      const { replies } = await api('actions', body);
      if (groupId && !replies.length) {
        for (const wait of [300, 1200]) { await new Promise((r) => setTimeout(r, wait)); await drawGroup(); }
        return;
      }
      if (groupId) { showTab('chat'); push({ me: '[' + btn.label + ']' }); }
      replies.forEach((card) => push({ card }));
    } catch (e) { if (groupId) showTab('chat'); push({ error: e.message }); }
    // stays disabled a moment after the answer, so the second click of a double click is absorbed too
    // (the group tab's cards are drawn disabled meanwhile too, so redraw whichever tab is open)
    finally { setTimeout(() => { running.delete(key); if (tab === 'chat') draw(); else drawGroup().catch(() => {}); }, 600); }
  }

  // Redraws come from several places at once (a send, a press, a tab switch): each fetches first
  // and replaces the log in one step, and only the latest one draws, so no card shows twice.
  let groupDraws = 0;
  async function drawGroup() {
    const log = $('log');
    const id = $('group').value;
    const mine = ++groupDraws;
    if (!id) { log.replaceChildren(); return; }
    const messages = await api('groups/' + encodeURIComponent(id) + '/messages');
    if (mine !== groupDraws || tab !== 'groups') return;
    log.replaceChildren(...(messages.length
      ? messages.map((m) => el('div', { class: 'msg' }, renderCard(m.card, id)))
      : [el('p', { class: 'empty' }, t('console.no_group_messages'))]));
    log.scrollTop = log.scrollHeight;
  }

  function showTab(name) {
    tab = name;
    $('tab-chat').setAttribute('aria-selected', String(name === 'chat'));
    $('tab-groups').setAttribute('aria-selected', String(name === 'groups'));
    $('group').hidden = name !== 'groups';
    if (name === 'chat') draw(); else drawGroup().catch((e) => $('log').replaceChildren(el('p', { class: 'err' }, e.message)));
  }

  // "Share location": presets per site (at it, 250 m away, a spoofed sequence) and free
  // coordinates, sent as location messages like a WeCom location message.
  let presets = [];
  function drawPresets() {
    const pick = $('location');
    pick.replaceChildren(el('option', { value: '' }, t('console.location.pick')),
      ...presets.map((p) => el('option', { value: p.id }, t('console.location.' + p.kind, { site: p.site }))),
      el('option', { value: 'free' }, t('console.location.free')));
  }
  async function shareLocation(fix) {
    if (tab === 'groups') showTab('chat');
    push({ me: t('console.location.sent', { label: fix.label || fix.lat + ', ' + fix.lng }) });
    try {
      const { replies } = await api('messages', { userId: $('user').value, location: fix, locale });
      replies.forEach((card) => push({ card }));
    } catch (e) { push({ error: e.message }); }
  }
  $('location').addEventListener('change', async () => {
    const id = $('location').value;
    $('location').value = '';
    if (id === 'free') {
      const raw = prompt(t('console.location.prompt'), '31.2304, 121.4737, 15, GCJ02');
      if (!raw) return;
      const [lat, lng, acc, datum] = raw.split(',').map((x) => x.trim());
      await shareLocation({ lat: Number(lat), lng: Number(lng), accuracyM: acc ? Number(acc) : undefined, datum: (datum || 'WGS84').toUpperCase() });
      return;
    }
    const preset = presets.find((p) => p.id === id);
    if (preset) for (const fix of preset.fixes) await shareLocation(fix);
  });

  async function init() {
    applyStrings();
    loadHistory();
    try {
      users = await api('users');
      const roleOrder = { ADMIN: 0, HR: 1, MANAGER: 2, EMPLOYEE: 3 };
      users.sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.name.localeCompare(b.name));
      $('user').replaceChildren(
        ...users.map((u) => el('option', { value: u.id }, u.name + ' · ' + u.role)),
        // Someone Kaopu does not know yet: the onboarding card with a linking code for HR.
        el('option', { value: 'guest-visitor' }, t('console.guest')),
      );
      const saved = localStorage.getItem('kaopu.user');
      if (saved && (saved === 'guest-visitor' || users.some((u) => u.id === saved))) $('user').value = saved;
      try { presets = await api('location-presets'); } catch (e) { presets = []; }
      drawPresets();
      const groups = await api('groups');
      $('group').replaceChildren(...groups.map((g) => el('option', { value: g.id }, g.name)));
    } catch (e) { $('log').replaceChildren(el('p', { class: 'err' }, t('console.error', { message: e.message }))); }
    draw();
  }

  $('composer').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const text = $('text').value.trim();
    if (!text || $('send').disabled) return;
    $('text').value = '';
    $('send').disabled = true;
    try { await send(text); } finally { $('send').disabled = false; }
  });
  $('user').addEventListener('change', () => { localStorage.setItem('kaopu.user', $('user').value); tab === 'chat' ? draw() : drawGroup(); });
  $('group').addEventListener('change', () => drawGroup());
  $('tab-chat').addEventListener('click', () => showTab('chat'));
  $('tab-groups').addEventListener('click', () => showTab('groups'));
  $('lang').addEventListener('click', () => { locale = locale === 'zh-CN' ? 'en' : 'zh-CN'; localStorage.setItem('kaopu.locale', locale); applyStrings(); drawPresets(); });
  init();
})();
`;
