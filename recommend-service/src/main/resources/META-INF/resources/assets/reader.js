// Reader: history, recommendations with why, the shared card actions (save with tags, like, 興味なし, この話題を減らす,
// with undo), their library's tags, the feed URL, and the cold-start topic picker.
import { chrome, el, fill, getJson, postJson, putJson, deleteJson, guarded, onPapersArrive, pageParams, paperLine, query,
  formatDateTime, readingLabel, notice, errorText, toast, currentReader, rememberReader, signedInReader, ApiError,
  download, errorNotice } from './ui.js';
import { loadDigest } from './digest.js';
import { cardActions } from './cards.js';

chrome('reader.html');

const form = document.getElementById('reader-form');
const input = document.getElementById('reader-id');
const sections = document.getElementById('reader-sections');
const recommendations = document.getElementById('recommendations');
const picker = document.getElementById('interest-picker');
let readerId = pageParams().get('id') || currentReader() || signedInReader();

/** The list in an {"items": [...]} answer (or a bare list). */
const itemsOf = (answer) => (Array.isArray(answer) ? answer : answer?.items || []);

const readerUrl = (path) => `/api/readers/${encodeURIComponent(readerId)}/${path}`;

function failed(list, error) {
  const missing = error instanceof ApiError && error.status === 404;
  fill(list, el('li', {}, missing
    ? notice('読者 API から見つかりませんでした (404)。このサーバーにはまだ読者 API が無いのかもしれません。')
    : errorNotice(error)));
}

// Reading events reach the reader's profile through Kafka: after an act, look again now and shortly after.
function afterAct(type) {
  const reload = () => Promise.all([loadRecommendations(), loadHistory(), loadLibrary()]);
  if (type !== 'dismissed' && type !== 'less_of_topic') reload();
  setTimeout(loadRecommendations, 1500);
  setTimeout(reload, 4000);
}

function recommendation(item) {
  return paperLine(item,
    item.why ? el('div', { class: 'why' }, item.why) : null,
    el('div', { class: 'meta' }, el('span', { class: 'score' }, item.match === null || item.match === undefined
      ? `スコア ${Number(item.score).toFixed(2)}` : `一致度 ${Math.round(Number(item.match) * 100)}%`)),
    scoreParts(item.scoreParts),
    cardActions(item, { reader: readerId, like: true, onChange: afterAct }));
}

// The ranking's parts, by the names the API gives them; a part not listed here is shown by its API name.
const PART_LABELS = {
  vector: '意味の近さ', bm25: '語の一致 (BM25)', chargram: '文字の一致', fused: '統合', interest: '興味',
  dismissed: '非表示', recency: '新しさ', popularity: '人気', diversity: '多様性', reference: '参照',
  relevance: '関連度', match: '一致度',
};

/** How the score was made, folded away: most readers want the list, not the numbers. */
function scoreParts(parts) {
  const entries = Object.entries(parts || {});
  if (!entries.length) return null;
  return el('details', { class: 'score-parts' }, el('summary', {}, 'スコアの内訳'),
    el('div', { class: 'meta' }, entries.map(([name, value]) =>
      el('span', { class: 'score', dataset: { part: name } }, `${PART_LABELS[name] || name} ${Number(value).toFixed(2)}`))));
}

async function loadRecommendations() {
  try {
    const items = itemsOf(await getJson(readerUrl(`recommendations${query({ k: 10 })}`)));
    fill(recommendations, items.length ? items.map(recommendation)
      : el('li', { class: 'empty' }, 'おすすめはまだありません。興味のあるトピックを選ぶか、論文を読んでみてください。'));
    recommendations.dataset.ids = items.map((item) => item.paperId).join(',');
    recommendations.dataset.refreshes = String(Number(recommendations.dataset.refreshes || 0) + 1);
  } catch (error) {
    failed(recommendations, error);
  }
}

async function loadHistory() {
  const list = document.getElementById('history');
  try {
    const items = itemsOf(await getJson(readerUrl('history')));
    fill(list, items.length ? items.map((item) => paperLine(item,
      el('div', { class: 'meta' },
        el('span', {}, readingLabel(item.type)),
        item.dwellSeconds ? el('span', {}, `${item.dwellSeconds} 秒`) : null,
        el('span', {}, formatDateTime(item.at || item.occurredAt)))))
      : el('li', { class: 'empty' }, 'まだ何も読んでいません。'));
    list.dataset.count = String(items.length);
    if (!items.length) document.getElementById('interests-details').open = true;
  } catch (error) {
    failed(list, error);
    document.getElementById('interests-details').open = true;
  }
}

let libraryTag = null;

// The library, filtered by one tag (chips with counts); the BibTeX download follows the filter.
async function loadLibrary() {
  const list = document.getElementById('library');
  try {
    const library = await getJson(readerUrl(`library${query({ tag: libraryTag })}`));
    const chip = (label, tag) => el('button', {
      type: 'button', class: 'chip', 'aria-pressed': String(tag === libraryTag),
      onclick: () => { libraryTag = tag; guarded(loadLibrary); },
    }, label);
    fill(document.getElementById('library-tags'), chip('すべて', null),
      ...library.tags.map((t) => chip(`${t.tag} (${t.count})`, t.tag)));
    fill(list, library.items.length ? library.items.map((item) => paperLine(item,
      el('div', { class: 'meta' }, el('span', {}, `保存 ${formatDateTime(item.savedAt)}`),
        ...item.tags.map((t) => el('a', { class: 'chip', href: `library.html${query({ tag: t })}` }, t))),
      item.note ? el('div', { class: 'library-note' }, item.note) : null,
      cardActions(item, { reader: readerId, remove: true, onChange: () => setTimeout(() => guarded(loadLibrary), 1500) })))
      : el('li', { class: 'empty' }, 'ライブラリはまだ空です。論文のページの「保存」で追加できます。'));
    list.dataset.count = String(library.items.length);
  } catch (error) {
    failed(list, error);
  }
}

async function downloadBibTeX() {
  try {
    await download(readerUrl(`library.bib${query({ tag: libraryTag })}`), 'ronbun-library.bib');
  } catch (error) {
    toast(errorText(error));
  }
}

// All the reader's data as a JSON file, as GET /api/readers/{id}/export gives it.
async function downloadReaderData() {
  try {
    const response = await fetch(readerUrl('export'), { headers: { Authorization: `Bearer ${token()}` } });
    if (!response.ok) throw new ApiError(response.status, (await response.json().catch(() => ({}))).detail);
    const href = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = href;
    link.download = `ronbun-${readerId}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  } catch (error) {
    toast(errorText(error));
  }
}

async function eraseReaderData() {
  if (!window.confirm(`読者「${readerId}」のデータ（履歴・興味・ライブラリ・フィード URL）をすべて消去しますか？元に戻せません。`)) return;
  const status = document.getElementById('reader-data-status');
  try {
    await deleteJson(`/api/readers/${encodeURIComponent(readerId)}`);
    fill(status, notice('データを消去しました。'));
    await Promise.all([loadPicker(), loadRecommendations(), loadHistory(), loadFeed(), loadLibrary()]);
  } catch (error) {
    fill(status, notice(errorText(error), 'error'));
  }
}

async function loadFeed() {
  const list = document.getElementById('feed');
  try {
    const since = new Date(Date.now() - 7 * 24 * 3600 * 1000);
    let feed;
    try {
      feed = await getJson(readerUrl(`feed${query({ since: since.toISOString() })}`));
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 400) throw error;
      feed = await getJson(readerUrl(`feed${query({ since: since.toISOString().slice(0, 10) })}`)); // a date, not an instant
    }
    const items = itemsOf(feed);
    fill(list, items.length ? items.map((item) => paperLine(item, item.why ? el('div', { class: 'why' }, item.why) : null,
      cardActions(item, { reader: readerId, onChange: afterAct })))
      : el('li', { class: 'empty' }, '新着はありません。'));
    // Shown on the page, so seen: the feed cursor moves only now, never on a fetch (a failure here loses nothing).
    if (feed.until) postJson(readerUrl('feed/seen'), { until: feed.until }).catch(() => {});
  } catch (error) {
    failed(list, error);
  }
}

// The secret feed URL is shown once, when issued: only its hash is kept, so it cannot be shown again later.
async function issueFeedUrl() {
  const value = document.getElementById('feed-url-value');
  const status = document.getElementById('feed-url-status');
  try {
    const answer = await postJson(readerUrl('feed-url'));
    value.value = answer.url;
    value.hidden = false;
    value.select();
    fill(status, notice('新しい URL を発行しました。前の URL は使えなくなりました。'));
  } catch (error) {
    fill(status, errorNotice(error));
  }
}

async function revokeFeedUrl() {
  const value = document.getElementById('feed-url-value');
  const status = document.getElementById('feed-url-status');
  try {
    await deleteJson(readerUrl('feed-url'));
    value.value = '';
    value.hidden = true;
    fill(status, notice('フィード URL を無効にしました。'));
  } catch (error) {
    fill(status, errorNotice(error));
  }
}

async function loadPicker() {
  const popular = await getJson('/api/analytics/keywords/popular?n=24');
  fill(picker, popular.items.map((keyword) => {
    const chip = el('button', { class: 'chip', type: 'button', 'aria-pressed': 'false', dataset: { term: keyword.term } }, keyword.term);
    chip.addEventListener('click', () => chip.setAttribute('aria-pressed', String(chip.getAttribute('aria-pressed') !== 'true')));
    return chip;
  }));
}

async function saveInterests() {
  const keywords = [...picker.querySelectorAll('[aria-pressed="true"]')].map((chip) => chip.dataset.term);
  const status = document.getElementById('interests-status');
  try {
    await putJson(readerUrl('interests'), { keywords });
    fill(status, notice(`${keywords.length} 個のキーワードを保存しました。`));
    await loadRecommendations();
    setTimeout(loadRecommendations, 1500);
  } catch (error) {
    fill(status, errorNotice(error));
  }
}

function show(id) {
  readerId = id;
  rememberReader(id);
  input.value = id;
  document.getElementById('reader-title').textContent = `読者: ${id}`;
  document.title = `${id} — Ronbun`;
  sections.hidden = false;
  guarded(async () => {
    await Promise.all([loadPicker(), loadRecommendations(), loadHistory(), loadFeed(), loadLibrary(), loadDigest(id)]);
    document.body.dataset.loaded = 'true';
  });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const id = input.value.trim();
  if (!id) return;
  history.replaceState(null, '', `reader.html${query({ id })}`);
  show(id);
});
document.getElementById('save-interests').addEventListener('click', saveInterests);
document.getElementById('refresh-recommendations').addEventListener('click', loadRecommendations);
document.getElementById('issue-feed-url').addEventListener('click', issueFeedUrl);
document.getElementById('revoke-feed-url').addEventListener('click', revokeFeedUrl);
document.getElementById('library-bibtex').addEventListener('click', downloadBibTeX);
document.getElementById('export-reader-data').addEventListener('click', downloadReaderData);
document.getElementById('erase-reader-data').addEventListener('click', eraseReaderData);

if (readerId) show(readerId);
onPapersArrive(() => readerId && guarded(() => Promise.all([loadPicker(), loadRecommendations(), loadFeed()])));
