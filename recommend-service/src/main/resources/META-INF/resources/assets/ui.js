// Shared by every page: DOM building (text only, never HTML from data), API calls with the signed-in token, the page
// chrome (with sign-in) and live updates.

const TOKEN_KEY = 'ronbun.token';

/** A link such as index.html#token=… (printed by ./ronbun up) signs in: the token is kept, and cut from the URL. */
function takeTokenFromUrl() {
  const match = location.hash.match(/^#token=([A-Za-z0-9._~%-]+)/);
  if (!match) return;
  signIn(decodeURIComponent(match[1]));
  history.replaceState(null, '', location.pathname + location.search);
}

/** The token this tab signed in with (kept for the tab only, in sessionStorage), or null. */
export function token() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function signIn(value) {
  try {
    sessionStorage.setItem(TOKEN_KEY, value.trim());
  } catch {
    // storage disabled: the page stays signed out
  }
}

function signOut() {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // nothing kept
  }
}

/** Who the token says we are: {subject, roles}; the server checks the signature, the page only shows the name. */
export function identity() {
  const value = token();
  if (!value) return null;
  try {
    const payload = value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
    return { subject: claims.upn || claims.preferred_username || claims.sub, roles: claims.groups || [] };
  } catch {
    return { subject: null, roles: [] };
  }
}

/** The reader id of a reader's token, or null. */
export function signedInReader() {
  const who = identity();
  return who && who.roles.includes('reader') ? who.subject : null;
}

takeTokenFromUrl();
// A #token= link opened on the page already shown changes only the fragment: sign in with it and load anew.
window.addEventListener('hashchange', () => {
  if (!location.hash.startsWith('#token=')) return;
  takeTokenFromUrl();
  location.reload();
});

/** An element with properties, attributes and children; strings become text nodes, so data can never become markup. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'href') node.setAttribute('href', safeHref(value));
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces a container's content with the given children. */
export function fill(container, ...children) {
  container.replaceChildren();
  append(container, children);
  return container;
}

/** Links to our own pages stay relative; links from documents must be http(s), anything else (javascript:, data:) is dropped. */
export function safeHref(value) {
  const text = String(value);
  if (/^(?:[a-z]+\.html)?(?:[?#].*)?$/.test(text) || text.startsWith('/')) {
    return text.startsWith('//') ? '#' : text;
  }
  return safeHttpUrl(text) ?? '#';
}

export function safeHttpUrl(value) {
  try {
    const url = new URL(String(value));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.detail = detail || null;
  }
}

function authorization() {
  const value = token();
  if (!value) throw new ApiError(401, 'サインインしていません');
  return { Authorization: `Bearer ${value}` };
}

async function call(method, url, body) {
  const headers = { Accept: 'application/json', ...authorization() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    let detail = null;
    try {
      detail = (await response.json()).detail;
    } catch {
      // no problem+json body
    }
    throw new ApiError(response.status, detail);
  }
  return response.status === 204 || response.headers.get('Content-Length') === '0' ? null
    : response.headers.get('Content-Type')?.includes('json') ? response.json() : null;
}

export const getJson = (url) => call('GET', url);
export const postJson = (url, body) => call('POST', url, body);
export const putJson = (url, body) => call('PUT', url, body);
export const deleteJson = (url) => call('DELETE', url);

/** A query string from the non-empty entries of an object. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && String(value).trim() !== '') search.set(key, String(value).trim());
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const pageParams = () => new URLSearchParams(location.search);

/** The Japanese title first where there is one, the English one under it. */
export function titles(paper) {
  const main = paper.titleJa || paper.title || paper.paperId;
  const sub = paper.titleJa && paper.title && paper.title !== paper.titleJa ? paper.title : null;
  return { main, sub };
}

export function paperHref(paperId) {
  return `paper.html?id=${encodeURIComponent(paperId)}`;
}

/** One paper as a list line: linked title, English title, and whatever else the caller adds. */
export function paperLine(paper, ...extra) {
  const { main, sub } = titles(paper);
  return el('li', { dataset: { paperId: paper.paperId } },
    el('a', { class: 'paper-title', href: paperHref(paper.paperId) }, main),
    sub ? el('div', { class: 'paper-sub' }, sub) : null,
    ...extra);
}

export function keywordChips(terms) {
  return el('div', { class: 'chips' },
    (terms || []).map((term) => el('a', { class: 'chip', href: `search.html${query({ q: term })}` }, term)));
}

/** The writer's tags, each a link to the papers carrying it. */
export function tagChips(tags) {
  return (tags || []).length ? el('div', { class: 'chips tags' },
    tags.map((tag) => el('a', { class: 'chip tag', href: `search.html${query({ tag })}` }, `#${tag}`))) : null;
}

const numberFormat = new Intl.NumberFormat('ja-JP');
export const formatNumber = (n) => (n === null || n === undefined ? '–' : numberFormat.format(n));

export function formatDate(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value)
    : date.toLocaleDateString('ja-JP', { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value)
    : date.toLocaleString('ja-JP', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A message in place of content: a notice, or an error. */
export function notice(text, kind = 'info') {
  return el('div', { class: kind === 'error' ? 'notice error' : 'notice', role: kind === 'error' ? 'alert' : 'status' }, text);
}

// One language per message: the API's details are English, so they go to the console, not into the Japanese text.
const STATUS_TEXT = {
  400: '入力が正しくありません',
  401: 'サインインしてください',
  403: 'この操作の権限がありません',
  404: '見つかりませんでした',
  409: 'ほかの操作と重なりました。もう一度どうぞ',
  413: '大きすぎます',
  429: '操作が多すぎます。少し待ってからもう一度どうぞ',
};

export function errorText(error) {
  if (error instanceof ApiError) {
    if (error.message) console.warn(`API ${error.status}: ${error.message}`);
    const text = STATUS_TEXT[error.status]
      || (error.status >= 500 ? 'サーバーで問題が起きました。少し待ってからもう一度どうぞ' : '読み込めませんでした');
    return `${text} (${error.status})`;
  }
  console.warn(error);
  return '読み込めませんでした。接続を確かめてください';
}

/**
 * An error in place of content: the Japanese message, and the API's own detail (English, naming the field or the
 * reason) on a line of its own, marked lang="en", so that each message keeps to one language.
 */
export function errorNotice(error) {
  const box = notice(errorText(error), 'error');
  if (error instanceof ApiError && error.detail) box.append(el('div', { class: 'error-detail', lang: 'en' }, error.detail));
  return box;
}

const PAGES = [
  ['index.html', '概要'],
  ['trends.html', 'トレンド'],
  ['map.html', 'トピックマップ'],
  ['search.html', '検索'],
  ['reader.html', '読者'],
  ['library.html', 'ライブラリ'],
  ['feeds.html', 'フィード'],
];

/** Header with navigation and the live-update indicator, and the footer; {@code active} is the page's file name. */
export function chrome(active) {
  const live = el('span', { class: 'live', id: 'live', dataset: { state: 'connecting' }, title: '新しい論文が届くと自動で更新します' }, 'ライブ');
  const header = el('header', { class: 'site-header' },
    el('a', { class: 'brand', href: 'index.html' }, 'Ronbun', el('small', {}, '論文')),
    el('nav', { class: 'site-nav', 'aria-label': 'ページ' },
      PAGES.map(([file, label]) => el('a', { href: file, 'aria-current': file === active ? 'page' : null }, label))),
    live, account());
  document.body.prepend(header);
  document.querySelector('main')?.prepend(el('div', { id: 'page-status' }));
  if (!token()) {
    document.body.dataset.signedIn = 'false';
    document.querySelector('main')?.prepend(el('section', { class: 'card sign-in', id: 'sign-in-needed' },
      el('h2', {}, 'サインインしてください'),
      el('p', {}, '論文や読者のデータを見るにはトークンが必要です。./ronbun up が表示するリンクを開くか、'
        + './ronbun token --role reader --reader <ID> が表示するトークンを右上に貼り付けてください。')));
  }
  document.body.append(
    el('footer', { class: 'site-footer' }, 'Ronbun — 勉強会が読み、書いたもの'),
    el('div', { class: 'toast', id: 'toast', role: 'status', 'aria-live': 'polite' }));
  if (token()) followServiceStatus(live);
}

/**
 * Marks the live indicator degraded (「一部停止中」 and the services' names) while any service is not ready, from
 * /api/status every 15 seconds; an unanswered request counts as recommend-service not ready.
 */
function followServiceStatus(live) {
  const show = (notReady) => {
    if (notReady.length) {
      live.dataset.degraded = 'true';
      live.textContent = `一部停止中: ${notReady.join(', ')}`;
      live.title = `準備ができていないサービス: ${notReady.join(', ')}`;
    } else {
      delete live.dataset.degraded;
      live.textContent = 'ライブ';
      live.title = '新しい論文が届くと自動で更新します';
    }
  };
  const check = async () => {
    try {
      show((await getJson('/api/status')).notReady || []);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return;
      show(['recommend-service']);
    }
    setTimeout(check, 15000);
  };
  check();
}

/** Signed in: who, and a sign-out button. Signed out: a field to paste a token into. */
function account() {
  const who = identity();
  if (who) {
    return el('div', { class: 'account', id: 'account' },
      el('span', { id: 'signed-in-as' }, `${who.subject || '?'}（${who.roles.join(', ') || '役割なし'}）`),
      el('button', { class: 'action', type: 'button', id: 'sign-out', onclick: () => { signOut(); location.reload(); } },
        'サインアウト'));
  }
  const input = el('input', { id: 'token-input', type: 'password', autocomplete: 'off', required: true,
    placeholder: 'トークンを貼り付け', 'aria-label': 'トークン' });
  return el('form', { class: 'account', id: 'sign-in', onsubmit: (event) => {
    event.preventDefault();
    signIn(input.value);
    location.reload();
  } }, input, el('button', { class: 'primary', type: 'submit' }, 'サインイン'));
}

/**
 * A short message at the bottom of the page; with {@code undo}, a 元に戻す button that runs it (then says whether it
 * worked) and a longer time to reach it. The time stops while the pointer or the keyboard focus is on the message.
 * A {@code passive} message (news nobody asked for, such as papers arriving) never takes an undo off the screen.
 */
export function toast(text, undo, { passive = false } = {}) {
  const node = document.getElementById('toast');
  if (!node) return;
  if (passive && node.classList.contains('with-undo')) return;
  holdWhileAttended(node);
  fill(node, el('span', { class: 'toast-text' }, text), undo ? el('button', {
    type: 'button', class: 'toast-undo', id: 'toast-undo',
    onclick: async () => {
      hideToast(node);
      try {
        await undo();
        toast('元に戻しました');
      } catch (error) {
        toast(errorText(error));
      }
    },
  }, '元に戻す') : null);
  node.classList.add('shown');
  node.classList.toggle('with-undo', Boolean(undo));
  node.dataset.showFor = String(undo ? 10000 : 3000);
  scheduleHide(node);
}

function hideToast(node) {
  clearTimeout(toast.timer);
  node.classList.remove('shown', 'with-undo');
}

function scheduleHide(node) {
  clearTimeout(toast.timer);
  if (node.matches(':hover, :focus-within')) return;
  toast.timer = setTimeout(() => hideToast(node), Number(node.dataset.showFor));
}

/** Pointer or focus on the message stops its clock; leaving starts it again from the full time. */
function holdWhileAttended(node) {
  if (node.dataset.held) return;
  node.dataset.held = 'true';
  const hold = () => clearTimeout(toast.timer);
  // after the event, so that :focus-within and :hover describe where the pointer and focus went
  const release = () => setTimeout(() => {
    if (node.classList.contains('shown')) scheduleHide(node);
  });
  node.addEventListener('mouseenter', hold);
  node.addEventListener('focusin', hold);
  node.addEventListener('mouseleave', release);
  node.addEventListener('focusout', release);
}

/** Fetches a file with the token (a plain link cannot carry it) and hands it to the browser as a download. */
export async function download(url, filename) {
  const response = await fetch(url, { headers: authorization() });
  if (!response.ok) throw new ApiError(response.status, (await response.json().catch(() => ({}))).detail);
  const href = URL.createObjectURL(await response.blob());
  // our own object URL: set directly, since el() lets only http(s) and page links through
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** A text answer (such as BibTeX) fetched with the token. */
export async function getText(url) {
  const response = await fetch(url, { headers: authorization() });
  if (!response.ok) throw new ApiError(response.status, (await response.json().catch(() => ({}))).detail);
  return response.text();
}

/**
 * Whether drawing the page again now would take something from under the reader: a card's save form they are
 * filling in, or a chart they are pointing at (its tooltip). Arrivals wait until they are done.
 */
function readerIsBusy() {
  return document.querySelector('.save-form:not([hidden]), .chart:hover') !== null;
}

/**
 * Calls {@code refresh} whenever new papers reach the index (server-sent events from /api/analytics/index/changes,
 * read with fetch because EventSource cannot send the token). The first event is the version the page was loaded
 * at; later ones with another version trigger a refresh.
 */
export function onPapersArrive(refresh) {
  const live = document.getElementById('live');
  const state = (value) => live && (live.dataset.state = value);
  const stop = new AbortController();
  let seen = null;
  let pending = null;
  const arrived = (version) => {
    state('open');
    // the page's version on <body>: what it shows is as of this version
    document.body.dataset.indexVersion = version;
    if (seen === null) {
      seen = version;
      return;
    }
    if (version === seen) return;
    seen = version;
    clearTimeout(pending);
    pending = setTimeout(async function redraw() {
      if (readerIsBusy()) {
        pending = setTimeout(redraw, 1000);
        return;
      }
      toast('新しい論文が届きました', null, { passive: true });
      await refresh(JSON.parse(version));
      document.body.dataset.liveUpdates = String(Number(document.body.dataset.liveUpdates || 0) + 1);
    }, 300);
  };
  const follow = async () => {
    let headers;
    try {
      headers = { Accept: 'text/event-stream', ...authorization() };
    } catch {
      state('closed');
      return;
    }
    try {
      const response = await fetch('/api/analytics/index/changes', { headers, signal: stop.signal });
      if (!response.ok) {
        state('closed');
        return;
      }
      state('open');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n/g, '\n');
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const data = buffer.slice(0, end).split('\n').filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).replace(/^ /, '')).join('\n');
          buffer = buffer.slice(end + 2);
          if (data) arrived(data);
        }
      }
    } catch {
      if (stop.signal.aborted) return;
    }
    state('connecting');
    setTimeout(follow, 3000);
  };
  follow();
  window.addEventListener('pagehide', () => stop.abort());
}

/** Runs a loader; a failure shows as an error at the top of the page instead of a blank card. */
export async function guarded(load) {
  const status = document.getElementById('page-status');
  try {
    // the shapes' names label what the loader draws; without them it still draws, with wire names
    await documentFormats().catch(() => null);
    await load();
    if (status) status.replaceChildren();
  } catch (error) {
    console.error(error);
    if (status) fill(status, errorNotice(error));
  }
}

/**
 * The document shapes ingest-service recognises, with their Japanese names, from their one definition
 * (/api/formats); asked once per page. Until they arrive (or if they cannot) a shape shows by its wire name.
 */
let formatLabels = {};
let formatsAsked = null;
export function documentFormats() {
  formatsAsked ||= getJson('/api/formats').then((formats) => {
    formatLabels = Object.fromEntries(formats.map((format) => [format.id, format.label]));
    return formats;
  }, (error) => {
    formatsAsked = null;
    throw error;
  });
  return formatsAsked;
}
export const formatLabel = (format) => formatLabels[format] || format;

/** Names of the reading event types. */
export const READING_LABELS = {
  opened: '開いた',
  read: '読んだ',
  saved: '保存',
  liked: 'いいね',
  dismissed: '興味なし',
  unsaved: '保存取消',
  less_of_topic: '話題を減らす',
  undismissed: '興味なし取消',
};
export const readingLabel = (type) => READING_LABELS[type] || type;

const READER_KEY = 'ronbun.reader';

/** The reader this browser reads as (chosen on the reader page), or null. */
export function currentReader() {
  try {
    return localStorage.getItem(READER_KEY);
  } catch {
    return null;
  }
}

export function rememberReader(readerId) {
  try {
    localStorage.setItem(READER_KEY, readerId);
  } catch {
    // private mode: the reader is only in the URL
  }
}
