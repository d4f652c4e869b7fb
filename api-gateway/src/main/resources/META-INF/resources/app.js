// TradeTheHype dashboard. Everything that comes from feeds is put on the page as text (textContent), never parsed as
// markup (no HTML-string sinks anywhere in this file), and the Content-Security-Policy allows no inline script.
'use strict';

const TOKEN_KEY = 'tth.token';
const EMAIL_KEY = 'tth.email';
const REFRESH_MS = 60000;

const state = { signals: [], sortKey: 'confidence', sortDir: -1, ticker: null, charts: {}, outages: new Map() };

function $(id) { return document.getElementById(id); }

/** An element with text children only; attributes limited to the harmless ones this page uses. */
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined) continue;
    if (key === 'class') node.className = value;
    else if (key === 'href') { if (safeUrl(value)) { node.href = value; node.rel = 'noopener noreferrer'; node.target = '_blank'; } }
    else if (key === 'title' || key === 'id') node.setAttribute(key, String(value));
    else if (key.startsWith('data-')) node.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function safeUrl(url) {
  try { const u = new URL(String(url), location.href); return u.protocol === 'https:' || u.protocol === 'http:'; }
  catch (e) { return false; }
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
function fmt(n, digits) { return typeof n === 'number' ? n.toFixed(digits) : '–'; }
function signed(n) { return typeof n === 'number' ? (n > 0 ? '+' : '') + n.toFixed(2) : '–'; }

// ---- API ------------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, detail) { super(detail); this.status = status; }
}

async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers['Authorization'] = 'Bearer ' + token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, 'the gateway cannot be reached');
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = data && data.detail ? data.detail : 'request failed (' + response.status + ')';
    if (response.status === 401 && token) { signOut('Your session ended; please sign in again.'); }
    throw new ApiError(response.status, detail);
  }
  return data;
}

/** Runs a panel's load; an outage (503 or no answer) is shown in the banner until the panel loads again. */
async function load(panel, task) {
  try {
    await task();
    state.outages.delete(panel);
  } catch (e) {
    if (e.status === 503 || e.status === 502 || e.status === 0) state.outages.set(panel, e.message);
    else if (e.status !== 401) state.outages.delete(panel);
    if (e.status !== 503 && e.status !== 502 && e.status !== 0 && e.status !== 404 && e.status !== 401) console.warn(panel, e.message);
    throw e;
  } finally {
    showOutages();
  }
}

function showOutages() {
  const banner = $('outage');
  const messages = [...new Set(state.outages.values())];
  banner.hidden = messages.length === 0;
  banner.textContent = messages.length ? 'Outage: ' + messages.join(' · ') : '';
}

// ---- sign-in ----------------------------------------------------------------------------------------------

async function authenticate(path) {
  $('signin-error').textContent = '';
  const email = $('signin-email').value;
  const password = $('signin-password').value;
  try {
    const session = await api('POST', path, { email, password });
    sessionStorage.setItem(TOKEN_KEY, session.token);
    sessionStorage.setItem(EMAIL_KEY, session.email);
    $('signin-password').value = '';
    showDashboard();
  } catch (e) {
    $('signin-error').textContent = e.message;
  }
}

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(EMAIL_KEY);
  $('dashboard').hidden = true;
  $('who').hidden = true;
  $('signin').hidden = false;
  $('signin-error').textContent = message || '';
  state.outages.clear();
  showOutages();
}

function showDashboard() {
  $('signin').hidden = true;
  $('dashboard').hidden = false;
  $('who').hidden = false;
  $('who-email').textContent = sessionStorage.getItem(EMAIL_KEY) || '';
  refresh();
  loadSubscription().catch(() => {});
}

function refresh() {
  loadSignals().catch(() => {});
  loadDigest().catch(() => {});
  loadStatus().catch(() => {});
  if (state.ticker) openTicker(state.ticker).catch(() => {});
}

// ---- signals ----------------------------------------------------------------------------------------------

function loadSignals() {
  return load('signals', async () => {
    const params = new URLSearchParams({ limit: '100' });
    if ($('kind-filter').value) params.set('kind', $('kind-filter').value);
    if ($('signals-day').value) params.set('date', $('signals-day').value);
    let data;
    try {
      data = await api('GET', '/api/signals?' + params);
    } catch (e) {
      if (e.status !== 404) throw e;
      data = { signals: [], date: '' };
      $('signals-empty').textContent = e.message;
    }
    if (data.date) $('signals-empty').textContent = 'No signals for this day.';
    state.signals = Array.isArray(data.signals) ? data.signals : [];
    $('signals-date').textContent = data.date ? data.date : '';
    renderSignals();
  });
}

function sortValue(signal, key) {
  if (key === 'zScore') return signal.baseline ? signal.baseline.zScore : null;
  return signal[key];
}

function renderSignals() {
  const body = $('signals-table').tBodies[0];
  clear(body);
  const rows = [...state.signals].sort((a, b) => {
    const x = sortValue(a, state.sortKey), y = sortValue(b, state.sortKey);
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    return (x < y ? -1 : 1) * state.sortDir;
  });
  for (const s of rows) {
    const link = el('a', { class: 'linklike', 'data-ticker': s.ticker }, s.ticker);
    link.addEventListener('click', () => openTicker(s.ticker).catch(() => {}));
    const z = s.baseline ? fmt(s.baseline.zScore, 1) + (s.baseline.building ? ' (building)' : '') : '–';
    body.append(el('tr', { 'data-ticker': s.ticker },
      el('td', {}, link), el('td', { class: 'kind-' + s.kind }, s.kind), el('td', {}, fmt(s.confidence, 2)),
      el('td', {}, s.mentions), el('td', {}, signed(s.meanScore)), el('td', {}, z),
      el('td', { class: 'muted' }, s.explanation)));
  }
  $('signals-empty').hidden = rows.length > 0;
  for (const th of document.querySelectorAll('#signals-table th[data-sort]')) {
    th.classList.toggle('sorted-asc', th.dataset.sort === state.sortKey && state.sortDir > 0);
    th.classList.toggle('sorted-desc', th.dataset.sort === state.sortKey && state.sortDir < 0);
  }
}

// ---- one ticker ---------------------------------------------------------------------------------------------

function openTicker(symbol) {
  state.ticker = symbol;
  return load('ticker', async () => {
    const data = await api('GET', '/api/tickers/' + encodeURIComponent(symbol) + '?days=30');
    $('ticker').hidden = false;
    $('ticker-symbol').textContent = data.ticker || symbol;
    const days = Array.isArray(data.days) ? data.days : [];
    drawChart('mentions', 'mentions-chart', 'bar', days.map(d => d.date), days.map(d => d.mentions), 'Mentions', '#58a6ff');
    drawChart('sentiment', 'sentiment-chart', 'line', days.map(d => d.date), days.map(d => d.meanScore), 'Mean sentiment', '#3fb950');
    const list = $('ticker-headlines');
    clear(list);
    for (const h of Array.isArray(data.headlines) ? data.headlines : []) {
      const model = h.model ? h.model.id + ' v' + h.model.version : 'unknown model';
      list.append(el('li', {},
        el('a', { href: h.url }, h.title), ' ',
        el('span', { class: 'muted' }, '— ' + (h.source || '') + (h.undated ? ', undated' : '') + ', ' + (h.label || '') + ' ' + signed(h.score) + ', ' + model)));
    }
  });
}

function drawChart(name, canvasId, type, labels, values, label, color) {
  if (typeof Chart === 'undefined') return;
  if (state.charts[name]) state.charts[name].destroy();
  state.charts[name] = new Chart($(canvasId), {
    type,
    data: { labels, datasets: [{ label, data: values, backgroundColor: color, borderColor: color }] },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      scales: { x: { ticks: { color: '#8a96a3' } }, y: { ticks: { color: '#8a96a3' } } },
      plugins: { legend: { labels: { color: '#e6e6e6' } } }
    }
  });
}

// ---- digest, status ---------------------------------------------------------------------------------------

function loadDigest() {
  return load('digest', async () => {
    try {
      const d = await api('GET', '/api/digests/latest');
      const model = d.model ? d.model.id + ' v' + d.model.version : 'no model';
      $('digest-meta').textContent = d.date + ' · ' + d.status + ' · ' + model;
      $('digest-text').textContent = d.text || '';
    } catch (e) {
      if (e.status !== 404) throw e;
      $('digest-meta').textContent = '';
      $('digest-text').textContent = 'No digest yet.';
    }
  });
}

function statusItem(name, status, note) {
  return el('li', { class: 'st-' + status, 'data-name': name }, name + ': ' + status + (note ? ' — ' + note : ''));
}

function loadStatus() {
  return load('status', async () => {
    const s = await api('GET', '/api/status');
    const services = $('status-services');
    clear(services);
    for (const svc of s.services || []) services.append(statusItem(svc.service, svc.status, svc.error));
    const m = s.model || {};
    $('status-model').textContent = 'Model: ' + (m.model || 'none') + ' (' + (m.state || m.status || 'unknown') + ')'
      + (m.error ? ' — ' + m.error : '');
    $('status-model').className = 'st-' + (m.status === 'UP' ? 'UP' : 'DOWN');
    const d = s.lastDigest || {};
    $('status-digest').textContent = 'Last digest: ' + (d.date ? d.date + ' ' + d.status + ' at ' + d.generatedAt : (d.error || 'none'));
    const sources = $('status-sources');
    clear(sources);
    if (s.sources && s.sources.available) {
      for (const src of s.sources.items) {
        const note = src.health === 'DOWN' ? src.consecutiveFailures + ' failures in a row, last success ' + (src.lastSuccessAt || 'never') : '';
        sources.append(statusItem(src.name, src.health, note));
      }
    } else {
      sources.append(statusItem('ingest-service', 'UNREACHABLE', s.sources ? s.sources.error : ''));
    }
  });
}

// ---- subscription, account ------------------------------------------------------------------------------

function loadSubscription() {
  return load('subscription', async () => {
    const sub = await api('GET', '/api/me/subscription');
    $('sub-active').checked = !!sub.active;
    $('sub-watchlist').value = (sub.watchlist || []).join(', ');
  });
}

async function saveSubscription(event) {
  event.preventDefault();
  $('sub-saved').textContent = '';
  const watchlist = $('sub-watchlist').value.split(/[\s,]+/).filter(s => s.length > 0);
  try {
    await load('subscription', async () => {
      const sub = await api('PUT', '/api/me/subscription', { active: $('sub-active').checked, watchlist });
      $('sub-watchlist').value = (sub.watchlist || []).join(', ');
      $('sub-saved').textContent = 'Saved.';
    });
  } catch (e) {
    $('sub-saved').textContent = e.message;
  }
}

async function deleteAccount() {
  if (!window.confirm('Delete your account and stop the digest?')) return;
  try {
    await api('DELETE', '/api/me');
    signOut('Your account was deleted.');
  } catch (e) {
    $('sub-saved').textContent = e.message;
  }
}

// ---- why this ticker? -------------------------------------------------------------------------------------

async function explain(event) {
  event.preventDefault();
  const out = $('why-result');
  clear(out);
  const text = $('why-text').value;
  try {
    const [extract, score] = await Promise.all([
      api('POST', '/api/extract', { text }), api('POST', '/api/score', { texts: [text] })]);
    const r = score.results && score.results[0];
    if (r) {
      out.append(el('p', {}, 'Sentiment: ' + r.label + ' ' + signed(r.score) + ' (model ' + score.model.id + ' v' + score.model.version + ')'));
    }
    if (!extract.tickers || extract.tickers.length === 0) out.append(el('p', { class: 'muted' }, 'No listed stock found.'));
    for (const t of extract.tickers || []) {
      const evidence = (t.evidence || []).map(e => e.kind + ' "' + e.text + '"').join(', ');
      out.append(el('p', { class: 'evidence' }, t.symbol + (t.name ? ' (' + t.name + ')' : '') + ': ' + evidence));
    }
    for (const c of extract.crypto || []) {
      out.append(el('p', { class: 'muted' }, 'Dropped as crypto: ' + (c.symbol || c.text || JSON.stringify(c))));
    }
  } catch (e) {
    out.append(el('p', { class: 'error' }, e.message));
  }
}

// ---- wiring -------------------------------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', () => {
  $('signin-form').addEventListener('submit', e => { e.preventDefault(); authenticate('/api/auth/login'); });
  $('register-submit').addEventListener('click', () => authenticate('/api/auth/register'));
  $('sign-out').addEventListener('click', () => signOut(''));
  $('kind-filter').addEventListener('change', () => loadSignals().catch(() => {}));
  $('signals-day').addEventListener('change', () => loadSignals().catch(() => {}));
  for (const th of document.querySelectorAll('#signals-table th[data-sort]')) {
    th.addEventListener('click', () => {
      const key = th.dataset.sort;
      state.sortDir = state.sortKey === key ? -state.sortDir : (key === 'ticker' || key === 'kind' ? 1 : -1);
      state.sortKey = key;
      renderSignals();
    });
  }
  $('subscription-form').addEventListener('submit', saveSubscription);
  $('delete-account').addEventListener('click', deleteAccount);
  $('why-form').addEventListener('submit', explain);
  if (sessionStorage.getItem(TOKEN_KEY)) showDashboard();
  setInterval(() => { if (sessionStorage.getItem(TOKEN_KEY)) refresh(); }, REFRESH_MS);
});
