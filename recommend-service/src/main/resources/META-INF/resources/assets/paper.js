// Paper: its summaries (sections, source document, presenter, date, arXiv link), related papers with why, reads.
import { chrome, el, fill, getJson, getText, postJson, putJson, deleteJson, toast, errorText, guarded, onPapersArrive, pageParams, paperLine, keywordChips, tagChips,
  titles, paperHref, safeHttpUrl, formatDate, formatLabel, readingLabel, formatNumber, notice, currentReader, signedInReader, identity } from './ui.js';
import { draw, categoryAxes, axisTooltip } from './charts.js';
import { cardActions } from './cards.js';

chrome('paper.html');

const paperId = pageParams().get('id');

function summary(s) {
  return el('section', { class: 'summary', dataset: { summaryId: s.summaryId } },
    el('div', { class: 'meta' },
      el('span', { class: 'source' }, `出典: ${s.documentName || '不明'}`),
      el('span', {}, formatLabel(s.format)),
      s.presenter ? el('span', { class: 'presenter' }, `発表: ${s.presenter}`) : null,
      s.sourceDate ? el('span', {}, formatDate(s.sourceDate)) : null,
      curator() && s.documentId ? el('button', { class: 'action delete-document', type: 'button',
        onclick: () => retract(s) }, 'この文書を削除') : null),
    s.summary ? markdown('summary-text', s.summaryHtml, s.summary) : null,
    (s.sections || []).map((section) => [
      el('h3', {}, section.heading),
      markdown('section-text', section.html, section.text),
    ]),
    s.body ? el('details', {}, el('summary', {}, '本文'), markdown('summary-text', s.bodyHtml, s.body)) : null);
}

/** Curators and admins may take a document back (the server checks; the button only shows to them). */
function curator() {
  const roles = identity()?.roles || [];
  return roles.includes('curator') || roles.includes('admin');
}

// Retracts the summary's whole document: its summaries of every paper go, papers left without any are deleted.
async function retract(s) {
  if (!window.confirm(`文書「${s.documentName || s.documentId}」を削除しますか？\nこの文書の要約はすべての論文から消え、`
    + '要約が残らない論文は検索・関連論文からも消えます。元に戻すには文書をもう一度取り込んでください。')) return;
  try {
    await deleteJson(`/api/documents/${encodeURIComponent(s.documentId)}`);
    toast('文書を削除しました。数秒で反映されます');
    setTimeout(() => guarded(loadPaper), 3000);
  } catch (error) {
    toast(errorText(error));
  }
}

/**
 * A summary's Markdown as the HTML the server rendered and sanitised (raw HTML escaped, links http(s) only); only that
 * HTML is inserted. Without it (an older server), the text is shown as text.
 */
function markdown(className, html, text) {
  const box = el('div', { class: `${className} markdown` });
  if (typeof html === 'string' && html) box.innerHTML = html;
  else box.textContent = text;
  return box;
}

function links(paper) {
  const arxiv = paper.arxivId ? el('a', { href: `https://arxiv.org/abs/${encodeURIComponent(paper.arxivId)}`, rel: 'noopener noreferrer', target: '_blank', id: 'arxiv-link' }, `arXiv:${paper.arxivId}`) : null;
  const pdf = paper.arxivId ? el('a', { href: `https://arxiv.org/pdf/${encodeURIComponent(paper.arxivId)}`, rel: 'noopener noreferrer', target: '_blank', id: 'arxiv-pdf-link' }, 'PDF') : null;
  const others = (paper.urls || []).map(safeHttpUrl).filter((url) => url && !url.includes('arxiv.org/'))
    .map((url) => el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, new URL(url).hostname));
  return [arxiv, pdf, ...others];
}

// The paper's BibTeX entry from the server (the library's writer), kept on the button so that it is copied at once.
async function bibtexButton() {
  const button = document.getElementById('copy-bibtex');
  const entry = await getText(`/api/papers/${encodeURIComponent(paperId)}/bibtex`);
  button.dataset.bibtex = entry;
  button.hidden = false;
  button.onclick = async () => {
    try {
      await navigator.clipboard.writeText(entry);
      toast('BibTeX をコピーしました');
    } catch {
      // no clipboard permission: select the entry so that it can be copied by hand
      const text = document.getElementById('bibtex-text');
      text.value = entry;
      text.hidden = false;
      text.select();
      toast('BibTeX を選択しました。コピーしてください');
    }
  };
}

/** A paper named as next to read: its page here when Ronbun has it, else its arXiv page or link. */
function reference(ref) {
  const label = ref.title || (ref.arxivId ? `arXiv:${ref.arxivId}` : ref.url);
  const external = ref.arxivId ? `https://arxiv.org/abs/${encodeURIComponent(ref.arxivId)}` : safeHttpUrl(ref.url);
  let link;
  if (ref.paperId) link = el('a', { class: 'paper-title', href: paperHref(ref.paperId) }, label);
  else if (external) link = el('a', { href: external, rel: 'noopener noreferrer', target: '_blank' }, label);
  else link = el('span', {}, label);
  return el('li', { dataset: { paperId: ref.paperId || '' } }, link,
    el('div', { class: 'meta' }, ref.paperId ? 'Ronbun にあります' : (external ? '外部リンク' : 'リンクなし'),
      ref.arxivId && ref.title ? el('span', {}, `arXiv:${ref.arxivId}`) : null),
    ref.paperId ? cardActions({ paperId: ref.paperId }) : null);
}

/** "NeurIPS 2022" from the citation's venue and year; a venue that already names the year is shown as written. */
function venueAndYear(paper) {
  const venue = paper.venue || '';
  const year = paper.year ? String(paper.year) : '';
  return (venue.includes(year) ? venue : `${venue} ${year}`).trim();
}

async function loadPaper() {
  const paper = await getJson(`/api/papers/${encodeURIComponent(paperId)}`);
  const { main, sub } = titles(paper);
  document.title = `${main} — Ronbun`;
  document.getElementById('paper-title').textContent = main;
  document.getElementById('paper-title-en').textContent = sub || '';
  fill(document.getElementById('paper-meta'),
    el('span', {}, paper.kind),
    (paper.authors || []).length ? el('span', {}, paper.authors.join(', ')) : null,
    venueAndYear(paper) ? el('span', { id: 'paper-venue' }, venueAndYear(paper)) : null,
    ...links(paper).map((link) => el('span', {}, link)),
    el('span', {}, `取り込み ${formatDate(paper.firstSeenAt)}`));
  fill(document.getElementById('paper-keywords'), keywordChips((paper.keywords || []).map((k) => k.term)));
  fill(document.getElementById('paper-tags'), tagChips(paper.tags));
  const references = paper.references || [];
  fill(document.getElementById('next-to-read'), references.map(reference));
  document.getElementById('next-to-read-card').hidden = references.length === 0;
  const summaries = document.getElementById('summaries');
  fill(summaries, paper.summaries.length ? paper.summaries.map(summary) : el('p', { class: 'empty' }, '要約はありません。'));
  summaries.dataset.count = String(paper.summaries.length);
}

async function loadRelated() {
  const related = await getJson(`/api/papers/${encodeURIComponent(paperId)}/related?k=8`);
  fill(document.getElementById('related'), related.items.length ? related.items.map((item) => paperLine(item,
    item.why ? el('div', { class: 'why' }, item.why) : null,
    el('div', { class: 'meta' }, matchLabel(item)),
    cardActions(item)))
    : el('li', { class: 'empty' }, '関連論文はまだありません。'));
}

// The calibrated match (how clearly the paper stands out among the candidates), not the list's scaled score.
function matchLabel(item) {
  if (item.match === null || item.match === undefined) return '';
  return `一致度 ${Math.round(Number(item.match) * 100)}%`;
}

// One bar per reading type: eight labels fit the narrow card only slanted.
function readsAxes(labels) {
  const axes = categoryAxes(labels, { everyLabel: true });
  axes.xAxis.axisLabel = { ...axes.xAxis.axisLabel, rotate: 40 };
  return axes;
}

async function loadReads() {
  const reads = await getJson(`/api/analytics/papers/${encodeURIComponent(paperId)}/reads`);
  document.getElementById('reads-note').textContent = `${formatNumber(reads.events)} 回・${formatNumber(reads.readers)} 人`;
  const types = Object.keys(reads.byType);
  draw(document.getElementById('paper-reads'), {
    ...readsAxes(types.map(readingLabel)),
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: axisTooltip(),
    series: [{ name: '回数', type: 'bar', data: types.map((t) => reads.byType[t]), barMaxWidth: 28 }],
  });
}

async function load() {
  await loadPaper();
  await Promise.all([loadRelated(), loadReads(), bibtexButton()]);
  document.body.dataset.loaded = 'true';
}

if (!paperId) {
  fill(document.getElementById('paper'), notice('論文が指定されていません（paper.html?id=…）。', 'error'));
} else {
  guarded(load);
  onPapersArrive(() => guarded(loadRelated));
  const reader = currentReader();
  if (reader) {
    postJson(`/api/readers/${encodeURIComponent(reader)}/events`, { paperId, type: 'opened' }).catch(() => {});
  }
  // the library is the signed-in reader's own (another reader's would answer 403)
  const saver = signedInReader() || reader;
  if (saver) guarded(() => showSaveForm(saver));
  const actions = cardActions({ paperId }, { save: false });
  if (actions) document.getElementById('paper-actions').append(actions);
}

// Save to the reader's library with tags (comma separated); saving again replaces the tags, and it can be undone.
async function showSaveForm(reader) {
  const form = document.getElementById('save-form');
  const tags = document.getElementById('save-tags');
  const unsave = document.getElementById('unsave-button');
  const url = `/api/readers/${encodeURIComponent(reader)}/library/${encodeURIComponent(paperId)}`;
  const library = await getJson(`/api/readers/${encodeURIComponent(reader)}/library`);
  const saved = library.items.find((item) => item.paperId === paperId);
  const note = document.getElementById('save-note');
  let current = null;
  // the form as the library has it now (null: not saved); an undo from the toast passes through here too
  const show = (entry) => {
    current = entry || null;
    tags.value = current ? current.tags.join(', ') : '';
    note.value = current?.note || '';
    unsave.hidden = !current;
  };
  show(saved);
  form.hidden = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const before = current;
      const entry = await putJson(url, { tags: tags.value.split(/[,、]/).map((t) => t.trim()).filter(Boolean),
        note: note.value.trim() || null });
      show(entry);
      toast('ライブラリに保存しました', async () => show(before
        ? await putJson(url, { tags: before.tags, note: before.note }) : await deleteJson(url)));
    } catch (error) {
      toast(errorText(error));
    }
  });
  unsave.addEventListener('click', async () => {
    try {
      const before = current;
      await deleteJson(url);
      show(null);
      toast('保存を取り消しました', async () => show(await putJson(url, { tags: before.tags, note: before.note })));
    } catch (error) {
      toast(errorText(error));
    }
  });
}
