// Library: the reader's saved papers with their notes and tags, filtered by one tag (arxiv-sanity's tags), each
// removable with undo; the BibTeX of what is shown; and, for a tag, recommendations made from its papers.
import { chrome, el, fill, getJson, guarded, pageParams, paperLine, query, formatDateTime, notice, errorText, toast,
  download, errorNotice } from './ui.js';
import { actingReader, cardActions } from './cards.js';

chrome('library.html');

const reader = actingReader();
const tag = pageParams().get('tag') || null;
const list = document.getElementById('library');
const readerUrl = (path) => `/api/readers/${encodeURIComponent(reader)}/${path}`;

function tagLink(label, value, count) {
  return el('a', { class: 'chip', href: `library.html${query({ tag: value })}`, 'aria-current': value === tag ? 'page' : null,
    dataset: { tag: value || '' } }, count === undefined ? label : `${label} (${count})`);
}

function entry(item) {
  return paperLine(item,
    el('div', { class: 'meta' },
      el('span', { class: 'saved-at' }, `保存 ${formatDateTime(item.savedAt)}`),
      item.arxivId ? el('span', {}, `arXiv:${item.arxivId}`) : null),
    item.tags.length ? el('div', { class: 'chips' }, item.tags.map((t) => tagLink(`#${t}`, t))) : null,
    item.note ? el('div', { class: 'library-note' }, item.note) : null,
    cardActions(item, { remove: true, onChange: () => setTimeout(() => guarded(loadLibrary), 1500) }));
}

async function loadLibrary() {
  const library = await getJson(readerUrl(`library${query({ tag })}`));
  fill(document.getElementById('library-tags'), tagLink('すべて', null),
    library.tags.map((t) => tagLink(t.tag, t.tag, t.count)));
  fill(list, library.items.length ? library.items.map(entry)
    : el('li', { class: 'empty' }, tag ? `「${tag}」のタグが付いた論文はありません。`
      : 'ライブラリはまだ空です。検索結果や論文のページの「保存」で追加できます。'));
  list.dataset.count = String(library.items.length);
}

async function loadTagRecommendations() {
  const card = document.getElementById('tag-recommendations-card');
  if (!tag) return;
  card.hidden = false;
  document.getElementById('tag-recommendations-heading').textContent = `「${tag}」のおすすめ`;
  const target = document.getElementById('tag-recommendations');
  try {
    const items = (await getJson(readerUrl(`recommendations${query({ tag, k: 10 })}`))).items;
    fill(target, items.length ? items.map((item) => paperLine(item,
      item.why ? el('div', { class: 'why' }, item.why) : null,
      cardActions(item)))
      : el('li', { class: 'empty' }, 'このタグのおすすめはまだありません。'));
    target.dataset.count = String(items.length);
  } catch (error) {
    fill(target, el('li', {}, errorNotice(error)));
  }
}

async function exportBibTeX() {
  try {
    await download(readerUrl(`library.bib${query({ tag })}`), tag ? `ronbun-${tag}.bib` : 'ronbun-library.bib');
  } catch (error) {
    toast(errorText(error));
  }
}

if (!reader) {
  document.querySelector('main').append(notice('読者としてサインインすると、保存した論文がここに並びます。'));
} else {
  document.getElementById('library-sections').hidden = false;
  document.getElementById('library-title').textContent = `ライブラリ: ${reader}`;
  if (tag) document.getElementById('library-heading').textContent = `「${tag}」のタグが付いた論文`;
  const bibtex = document.getElementById('library-bibtex');
  bibtex.dataset.href = readerUrl(`library.bib${query({ tag })}`);
  bibtex.addEventListener('click', exportBibTeX);
  guarded(async () => {
    await Promise.all([loadLibrary(), loadTagRecommendations()]);
    document.body.dataset.loaded = 'true';
  });
}
