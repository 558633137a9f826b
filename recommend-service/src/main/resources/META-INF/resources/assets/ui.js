// Shared by every page: DOM building (text only, never HTML from data), API calls, the page chrome and live updates.

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
  }
}

async function call(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
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

export function errorText(error) {
  if (error instanceof ApiError && error.status === 404) return `見つかりませんでした (404): ${error.message}`;
  if (error instanceof ApiError) return `読み込めませんでした (${error.status}): ${error.message}`;
  return `読み込めませんでした: ${error.message}`;
}

const PAGES = [
  ['index.html', '概要'],
  ['trends.html', 'トレンド'],
  ['map.html', 'トピックマップ'],
  ['search.html', '検索'],
  ['reader.html', '読者'],
];

/** Header with navigation and the live-update indicator, and the footer; {@code active} is the page's file name. */
export function chrome(active) {
  const live = el('span', { class: 'live', id: 'live', dataset: { state: 'connecting' }, title: '新しい論文が届くと自動で更新します' }, 'ライブ');
  const header = el('header', { class: 'site-header' },
    el('a', { class: 'brand', href: 'index.html' }, 'Ronbun', el('small', {}, '論文')),
    el('nav', { class: 'site-nav', 'aria-label': 'ページ' },
      PAGES.map(([file, label]) => el('a', { href: file, 'aria-current': file === active ? 'page' : null }, label))),
    live);
  document.body.prepend(header);
  document.querySelector('main')?.prepend(el('div', { id: 'page-status' }));
  document.body.append(
    el('footer', { class: 'site-footer' }, 'Ronbun — 勉強会が読み、書いたもの'),
    el('div', { class: 'toast', id: 'toast', role: 'status', 'aria-live': 'polite' }));
}

export function toast(text) {
  const node = document.getElementById('toast');
  if (!node) return;
  node.textContent = text;
  node.classList.add('shown');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => node.classList.remove('shown'), 3000);
}

/**
 * Calls {@code refresh} whenever new papers reach the index (server-sent events from /api/analytics/index/changes).
 * The first event is the version the page was loaded at; later ones with another version trigger a refresh.
 */
export function onPapersArrive(refresh) {
  const live = document.getElementById('live');
  let seen = null;
  let pending = null;
  const source = new EventSource('/api/analytics/index/changes');
  source.onopen = () => live && (live.dataset.state = 'open');
  source.onerror = () => live && (live.dataset.state = source.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
  source.onmessage = (message) => {
    if (live) live.dataset.state = 'open';
    const version = message.data;
    if (seen === null) {
      seen = version;
      return;
    }
    if (version === seen) return;
    seen = version;
    document.body.dataset.indexVersion = version;
    clearTimeout(pending);
    pending = setTimeout(async () => {
      toast('新しい論文が届きました');
      await refresh(JSON.parse(version));
      document.body.dataset.liveUpdates = String(Number(document.body.dataset.liveUpdates || 0) + 1);
    }, 300);
  };
  window.addEventListener('pagehide', () => source.close());
  return source;
}

/** Runs a loader; a failure shows as an error at the top of the page instead of a blank card. */
export async function guarded(load) {
  const status = document.getElementById('page-status');
  try {
    await load();
    if (status) status.replaceChildren();
  } catch (error) {
    console.error(error);
    if (status) fill(status, notice(errorText(error), 'error'));
  }
}

/** Names of the document shapes, as ingest-service recognises them. */
export const FORMAT_LABELS = {
  'study-group-notes': '勉強会ノート',
  'structured-summary': '構造化要約',
  'dialogue-article': '対話記事',
  'weekly-roundup': '週刊まとめ',
  generic: 'その他の文書',
};
export const formatLabel = (format) => FORMAT_LABELS[format] || format;

/** Names of the reading event types. */
export const READING_LABELS = {
  opened: '開いた',
  read: '読んだ',
  saved: '保存',
  liked: 'いいね',
  dismissed: '興味なし',
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
