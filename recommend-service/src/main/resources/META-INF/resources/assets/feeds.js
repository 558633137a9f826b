// Feeds (curators): ingest-service's feed subscriptions through recommend-service's /api/feeds — each feed with its
// status, add a URL, poll now, remove, and the entries that could not be ingested with the reason.
import { chrome, el, fill, getJson, postJson, deleteJson, guarded, formatDateTime, formatNumber,
  safeHttpUrl, toast, errorNotice } from './ui.js';

chrome('feeds.html');

const form = document.getElementById('feed-form');
const rows = document.getElementById('feeds');
const formStatus = document.getElementById('feed-form-status');

function state(feed) {
  if (feed.lastError) return el('span', { class: 'feed-error' }, feed.lastError);
  if (!feed.lastFetchAt) return '未取得';
  return `正常（次回 ${formatDateTime(feed.nextFetchAt)}）`;
}

function row(feed) {
  const url = safeHttpUrl(feed.url);
  return el('tr', { dataset: { feedId: String(feed.id), entriesIngested: String(feed.entriesIngested) } },
    el('td', {},
      el('div', {}, feed.name || feed.url),
      url ? el('a', { class: 'note', href: url, rel: 'noopener noreferrer', target: '_blank' }, feed.url) : null),
    el('td', {}, feed.lastFetchAt ? formatDateTime(feed.lastFetchAt) : '–'),
    el('td', { class: 'num entries-ingested' }, formatNumber(feed.entriesIngested)),
    el('td', { class: 'num' }, feed.entriesFailed
      ? el('button', { class: 'action', type: 'button', onclick: () => guarded(() => showFailures(feed.id)) },
        formatNumber(feed.entriesFailed))
      : '0'),
    el('td', { class: 'feed-state' }, state(feed)),
    el('td', {},
      el('button', { class: 'action poll', type: 'button', onclick: () => act(() => pollNow(feed)) }, '今すぐ取得'),
      ' ',
      el('button', { class: 'action remove', type: 'button', onclick: () => act(() => remove(feed)) }, '削除')));
}

async function load() {
  const feeds = await getJson('/api/feeds');
  fill(rows, feeds.length ? feeds.map(row)
    : el('tr', {}, el('td', { colspan: '6', class: 'empty' }, 'フィードはまだありません。')));
  document.getElementById('feed-count').textContent = `${feeds.length} 件`;
  document.body.dataset.loaded = 'true';
}

async function showFailures(id) {
  const feed = await getJson(`/api/feeds/${encodeURIComponent(id)}`);
  document.getElementById('failures-title').textContent = `取り込めなかった記事: ${feed.name || feed.url}`;
  fill(document.getElementById('failures'), (feed.failedEntries || []).map((entry) =>
    el('li', {}, el('div', {}, entry.title || entry.entryId),
      el('div', { class: 'why' }, entry.reason),
      el('div', { class: 'meta' }, formatDateTime(entry.failedAt)))));
  document.getElementById('failures-card').hidden = false;
}

async function pollNow(feed) {
  const polled = await postJson(`/api/feeds/${encodeURIComponent(feed.id)}/poll`);
  toast(polled.lastError ? '取得しましたが問題があります（一覧のエラー欄をご覧ください）' : '取得しました');
}

async function remove(feed) {
  await deleteJson(`/api/feeds/${encodeURIComponent(feed.id)}`);
  toast('削除しました（取り込み済みの論文は残ります）');
}

/** Runs an action, then shows the list again; a failure shows where the form is. */
async function act(action) {
  try {
    await action();
    formStatus.replaceChildren();
  } catch (error) {
    fill(formStatus, errorNotice(error));
  }
  await guarded(load);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const url = document.getElementById('feed-url').value.trim();
  const name = document.getElementById('feed-name').value.trim();
  act(async () => {
    await postJson('/api/feeds', name ? { url, name } : { url });
    form.reset();
    toast('フィードを追加しました');
  });
});

guarded(load);
