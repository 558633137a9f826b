// Search with the API's filters (q, kind, format, presenter, from, to, tag); with no query, the filtered paper list.
// Where /api/search is not served, the papers carrying exactly the keyword stand in, and the page says so.
import { chrome, el, fill, getJson, guarded, onPapersArrive, pageParams, paperLine, keywordChips, tagChips, query,
  formatDate, notice, ApiError } from './ui.js';

chrome('search.html');

const FIELDS = ['q', 'kind', 'format', 'presenter', 'from', 'to', 'tag'];
const form = document.getElementById('search-form');
const results = document.getElementById('results');
const status = document.getElementById('search-status');

function criteria() {
  return Object.fromEntries(FIELDS.map((name) => [name, document.getElementById(name).value]));
}

function result(item) {
  return paperLine(item,
    item.why ? el('div', { class: 'why' }, item.why) : null,
    el('div', { class: 'meta' },
      item.kind ? el('span', {}, item.kind) : null,
      item.sourceDate ? el('span', {}, formatDate(item.sourceDate)) : null,
      typeof item.score === 'number' ? el('span', {}, `スコア ${item.score.toFixed(2)}`) : null),
    item.keywords ? keywordChips(item.keywords.slice(0, 6).map((k) => (typeof k === 'string' ? k : k.term))) : null,
    tagChips(item.tags));
}

/** The papers matching the filters, newest first: what the page shows before anything is typed. */
async function browse(wanted) {
  const { q, ...filters } = wanted;
  return (await getJson(`/api/papers${query({ ...filters, size: 50 })}`)).items;
}

async function search() {
  const wanted = criteria();
  status.replaceChildren();
  let items;
  if (!wanted.q.trim()) {
    items = await browse(wanted);
  } else {
    try {
      items = (await getJson(`/api/search${query(wanted)}`)).items;
    } catch (error) {
      if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 405)) throw error;
      // Without /api/search: the papers that carry exactly this keyword.
      fill(status, notice('全文検索 API がないため、キーワードが完全に一致する論文を表示しています。'));
      items = (await getJson(`/api/analytics/keywords/papers${query({ term: wanted.q })}`)).items;
    }
  }
  fill(results, items.length ? items.map(result) : el('li', { class: 'empty' }, '見つかりませんでした。'));
  results.dataset.count = String(items.length);
  document.getElementById('result-note').textContent = `${items.length} 件`;
  document.body.dataset.loaded = 'true';
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  history.replaceState(null, '', `search.html${query(criteria())}`);
  guarded(search);
});

const params = pageParams();
for (const name of FIELDS) {
  if (params.has(name)) document.getElementById(name).value = params.get(name);
}
guarded(search);
onPapersArrive(() => guarded(search));
