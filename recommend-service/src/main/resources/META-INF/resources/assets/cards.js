// What a reader can do on every paper card (search results, related lists, the feed, recommendations, the library):
// save with tags and a note, 興味なし, この話題を減らす, each undone from the toast's 元に戻す through the API
// (DELETE or the earlier entry for a save, an 'undismissed' reading event for the other two).
import { el, getJson, postJson, putJson, deleteJson, toast, errorText, signedInReader, currentReader } from './ui.js';

/** The reader the cards act for: the signed-in reader (a library is its reader's own), else the one chosen. */
export function actingReader() {
  return signedInReader() || currentReader();
}

const readerPath = (reader, path) => `/api/readers/${encodeURIComponent(reader)}/${path}`;

const libraries = new Map();

/** A reader's library by paper id, read once per page and kept up to date by the cards' own saves. */
function saved(reader) {
  if (!libraries.has(reader)) {
    libraries.set(reader, getJson(readerPath(reader, 'library'))
      .then((library) => new Map(library.items.map((item) => [item.paperId, item])))
      .catch(() => new Map()));
  }
  return libraries.get(reader);
}

/** Tags typed as 「a, b、c」. */
export const splitTags = (text) => text.split(/[,、，]/).map((t) => t.trim()).filter(Boolean);

/**
 * The actions for one paper card; null without a reader. {@code options.reader} acts for that reader (the reader
 * page's), {@code options.save === false} leaves out 保存 (the paper page has its own form), {@code options.like}
 * adds いいね, {@code options.remove} a 削除 button (the library's),
 * {@code options.onChange(type)} runs after an action or its undo.
 */
export function cardActions(paper, options = {}) {
  const reader = options.reader || actingReader();
  if (!reader) return null;
  const paperId = paper.paperId;
  const changed = (type) => options.onChange && options.onChange(type);
  const card = () => box.closest('li') || box;
  const libraryUrl = readerPath(reader, `library/${encodeURIComponent(paperId)}`);
  const event = (type) => postJson(readerPath(reader, 'events'), { paperId, type });

  const tags = el('input', { name: 'tags', maxlength: 900, placeholder: 'タグ（カンマ区切り）', 'aria-label': 'タグ' });
  const note = el('input', { name: 'note', maxlength: 2000, placeholder: 'メモ（任意）', 'aria-label': 'メモ' });
  const form = el('form', { class: 'save-form', hidden: true, autocomplete: 'off' },
    tags, note,
    el('button', { class: 'primary', type: 'submit', dataset: { action: 'save-confirm' } }, '保存'),
    el('button', { class: 'action', type: 'button', onclick: () => { form.hidden = true; } }, 'やめる'));
  const saveButton = el('button', { class: 'action', type: 'button', dataset: { action: 'save' }, 'aria-expanded': 'false' },
    '保存');
  // every card of this paper on the page, not only this one: the list may have been drawn again since this card
  // (papers arrived), and an undo from the toast must show on the cards drawn now
  const markSaved = (entry) => {
    const shown = document.querySelectorAll(
      `.card-actions[data-paper-id="${CSS.escape(paperId)}"] button[data-action='save']`);
    for (const button of new Set([saveButton, ...shown])) {
      button.textContent = entry ? '保存済み' : '保存';
      button.dataset.saved = String(Boolean(entry));
    }
  };

  saveButton.addEventListener('click', async () => {
    const entry = (await saved(reader)).get(paperId);
    tags.value = entry ? entry.tags.join(', ') : '';
    note.value = entry?.note || '';
    form.hidden = !form.hidden;
    saveButton.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) tags.focus();
  });

  form.addEventListener('submit', async (submitted) => {
    submitted.preventDefault();
    const library = await saved(reader);
    const before = library.get(paperId);
    try {
      const entry = await putJson(libraryUrl, { tags: splitTags(tags.value), note: note.value.trim() || null });
      library.set(paperId, entry);
      markSaved(entry);
      form.hidden = true;
      changed('saved');
      toast(entry.tags.length ? `ライブラリに保存しました（${entry.tags.join('、')}）` : 'ライブラリに保存しました',
        async () => {
          // undo: the entry as it was before, or no entry
          if (before) library.set(paperId, await putJson(libraryUrl, { tags: before.tags, note: before.note }));
          else {
            await deleteJson(libraryUrl);
            library.delete(paperId);
          }
          markSaved(library.get(paperId));
          changed('unsaved');
        });
    } catch (error) {
      toast(errorText(error));
    }
  });

  // 興味なし and この話題を減らす: the card stays, dimmed, until the list is loaded again, so undo has something to restore
  const push = (type, label, done) => {
    const button = el('button', { class: 'action', type: 'button', dataset: { action: type, type } }, label);
    button.addEventListener('click', async () => {
      try {
        await event(type);
      } catch (error) {
        toast(errorText(error));
        return;
      }
      card().dataset.dismissed = type;
      changed(type);
      toast(done, async () => {
        await event('undismissed');
        delete card().dataset.dismissed;
        changed('undismissed');
      });
    });
    return button;
  };

  const buttons = options.save === false ? [] : [saveButton];
  if (options.like) {
    const like = el('button', { class: 'action', type: 'button', dataset: { action: 'liked', type: 'liked' } }, 'いいね');
    like.addEventListener('click', async () => {
      try {
        await event('liked');
        toast('いいねしました');
        changed('liked');
      } catch (error) {
        toast(errorText(error));
      }
    });
    buttons.push(like);
  }
  buttons.push(push('dismissed', '興味なし', '興味なしにしました。似た論文も減らします'),
    push('less_of_topic', 'この話題を減らす', 'この話題の論文を減らします'));
  if (options.remove) {
    const remove = el('button', { class: 'action', type: 'button', dataset: { action: 'remove' } }, '削除');
    remove.addEventListener('click', async () => {
      const library = await saved(reader);
      const before = library.get(paperId) || paper;
      try {
        await deleteJson(libraryUrl);
      } catch (error) {
        toast(errorText(error));
        return;
      }
      library.delete(paperId);
      card().dataset.removed = 'true';
      changed('unsaved');
      toast('ライブラリから削除しました', async () => {
        library.set(paperId, await putJson(libraryUrl, { tags: before.tags || [], note: before.note || null }));
        delete card().dataset.removed;
        changed('saved');
      });
    });
    buttons.push(remove);
  }
  const box = el('div', { class: 'card-actions', dataset: { paperId } }, el('div', { class: 'actions' }, buttons), form);
  saved(reader).then((library) => markSaved(library.get(paperId)));
  return box;
}
