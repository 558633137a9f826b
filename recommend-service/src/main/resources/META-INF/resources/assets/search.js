// Search with the API's filters (q, kind, format, presenter, from, to, tag); with no query, the filtered paper list.
// Where /api/search is not served, the papers carrying exactly the keyword stand in, and the page says so.
// Results come a page at a time (前へ／次へ) with the total of all matches; each shows its passages with the query's
// terms marked. The marks are built as elements from the API's plain text and ranges: document text stays text.
import { chrome, documentFormats, el, fill, getJson, guarded, onPapersArrive, pageParams, paperLine, keywordChips, tagChips, query,
  formatDate, notice, ApiError } from './ui.js';
import { cardActions } from './cards.js';

chrome('search.html');

const FIELDS = ['q', 'kind', 'format', 'presenter', 'from', 'to', 'tag'];
const form = document.getElementById('search-form');
const results = document.getElementById('results');
const status = document.getElementById('search-status');
const pager = document.getElementById('pager');
const PAGE_SIZE = 10;
const FIELD_LABELS = { title: '題名', summary: '要約', body: '本文' };
let currentPage = 0;

function criteria() {
  return Object.fromEntries(FIELDS.map((name) => [name, document.getElementById(name).value]));
}

/** A passage as text nodes and <mark> elements, cut at the API's ranges; nothing of it is parsed as markup. */
function snippet(passage) {
  const parts = [];
  let at = 0;
  for (const { start, end } of passage.marks || []) {
    if (start < at || end > passage.text.length || end <= start) continue;
    parts.push(passage.text.slice(at, start), el('mark', {}, passage.text.slice(start, end)));
    at = end;
  }
  parts.push(passage.text.slice(at));
  return el('p', { class: 'snippet' }, el('span', { class: 'snippet-field' }, FIELD_LABELS[passage.field] || passage.field),
    ...parts);
}

/** The summary and body passages; a marked title passage would repeat the title shown above them. */
function passages(snippets) {
  const shown = (snippets || []).filter((passage) => passage.field !== 'title');
  return shown.length ? el('div', { class: 'snippets' }, shown.map(snippet)) : null;
}

function result(item) {
  return paperLine(item,
    passages(item.snippets),
    item.why ? el('div', { class: 'why' }, item.why) : null,
    el('div', { class: 'meta' },
      item.kind ? el('span', {}, item.kind) : null,
      item.sourceDate ? el('span', {}, formatDate(item.sourceDate)) : null,
      typeof item.score === 'number' ? el('span', {}, `スコア ${item.score.toFixed(2)}`) : null),
    item.keywords ? keywordChips(item.keywords.slice(0, 6).map((k) => (typeof k === 'string' ? k : k.term))) : null,
    tagChips(item.tags),
    cardActions(item));
}

/** The papers matching the filters, newest first: what the page shows before anything is typed. */
async function browse(wanted) {
  const { q, ...filters } = wanted;
  return (await getJson(`/api/papers${query({ ...filters, size: 50 })}`)).items;
}

/** What the page says when nothing matched: the API's notice, the words it offers instead, and other ways in. */
function noMatch(wanted, found) {
  const message = found.noMatch?.message || `「${wanted.q}」に一致する論文はありません`;
  const offered = found.noMatch?.didYouMean || [];
  return el('div', { class: 'notice no-match', role: 'status', id: 'no-match' },
    el('strong', {}, message),
    offered.length ? el('div', { class: 'did-you-mean' }, 'もしかして: ',
      offered.map((term) => el('a', { class: 'chip', href: `search.html${query({ ...wanted, q: term })}` }, term))) : null,
    el('div', { class: 'hints' }, '言い換える（日本語／英語）、条件を外す、または ',
      el('a', { href: '#tag', onclick: (event) => { event.preventDefault(); document.getElementById('tag').focus(); } },
        'タグで探す'),
      ' こともできます。'));
}

/** 「全 N 件中 X–Y 件」 and 前へ／次へ for the page shown. */
function paging(total, shown) {
  if (!total) {
    pager.replaceChildren();
    return;
  }
  const first = currentPage * PAGE_SIZE + 1;
  const last = currentPage * PAGE_SIZE + shown;
  const go = (page) => () => {
    currentPage = page;
    history.replaceState(null, '', `search.html${query({ ...criteria(), page: page || null })}`);
    guarded(search);
  };
  fill(pager,
    el('button', { type: 'button', id: 'previous-page', disabled: currentPage === 0, onclick: go(currentPage - 1) },
      '前へ'),
    el('span', { id: 'page-range' }, shown ? `全 ${total} 件中 ${first}–${last} 件` : `全 ${total} 件`),
    el('button', { type: 'button', id: 'next-page', disabled: last >= total, onclick: go(currentPage + 1) }, '次へ'));
}

async function search() {
  const wanted = criteria();
  status.replaceChildren();
  let items;
  let total = null;
  if (!wanted.q.trim()) {
    items = await browse(wanted);
  } else {
    try {
      const found = await getJson(`/api/search${query({ ...wanted, page: currentPage, size: PAGE_SIZE })}`);
      items = found.items;
      total = found.total;
      if (!total) fill(status, noMatch(wanted, found));
    } catch (error) {
      if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 405)) throw error;
      // Without /api/search: the papers that carry exactly this keyword.
      fill(status, notice('全文検索 API がないため、キーワードが完全に一致する論文を表示しています。'));
      items = (await getJson(`/api/analytics/keywords/papers${query({ term: wanted.q })}`)).items;
    }
  }
  // a search that matched nothing has said so above, with what to try instead
  const empty = total === 0 ? null : el('li', { class: 'empty' }, '見つかりませんでした。');
  fill(results, items.length ? items.map(result) : empty);
  results.dataset.count = String(items.length);
  document.getElementById('result-note').textContent = total === null ? `${items.length} 件` : `全 ${total} 件`;
  paging(total, items.length);
  document.body.dataset.loaded = 'true';
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  currentPage = 0;
  history.replaceState(null, '', `search.html${query(criteria())}`);
  guarded(search);
});

/** The format filter's options, one per document shape; kept to "すべて" if the shapes cannot be had. */
async function formatOptions() {
  const formats = await documentFormats().catch(() => []);
  document.getElementById('format').append(...formats.map((f) => el('option', { value: f.id }, f.label)));
}

const params = pageParams();
await formatOptions();
for (const name of FIELDS) {
  if (params.has(name)) document.getElementById(name).value = params.get(name);
}
currentPage = Math.max(0, Number.parseInt(params.get('page') || '0', 10) || 0);
guarded(search);
onPapersArrive(() => guarded(search));
