// Reader page: the email digest setting (address, and 毎日 / 毎週 / 停止), kept apart from the page's other cards.
import { getJson, putJson, fill, notice, errorText, formatDateTime } from './ui.js';

const form = document.getElementById('digest-form');
const email = document.getElementById('digest-email');
const status = document.getElementById('digest-status');
let readerId = null;

const digestUrl = () => `/api/readers/${encodeURIComponent(readerId)}/digest`;
const FREQUENCY = { daily: '毎日', weekly: '毎週', off: '停止' };

function shown(setting) {
  email.value = setting.email || '';
  const radio = form.querySelector(`input[name="digest-frequency"][value="${setting.frequency}"]`);
  if (radio) radio.checked = true;
  form.dataset.frequency = setting.frequency;
  return setting.lastSentAt ? `前回の配信: ${formatDateTime(setting.lastSentAt)}` : null;
}

/** Shows the reader's digest setting; called when the page switches to a reader. */
export async function loadDigest(id) {
  readerId = id;
  const last = shown(await getJson(digestUrl()));
  fill(status, ...(last ? [notice(last)] : []));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!readerId) return;
  const frequency = form.querySelector('input[name="digest-frequency"]:checked')?.value || 'off';
  try {
    shown(await putJson(digestUrl(), { email: email.value.trim(), frequency }));
    fill(status, notice(frequency === 'off' ? 'メールダイジェストを停止しました。'
      : `メールダイジェストを${FREQUENCY[frequency]}届けるように保存しました。`));
  } catch (error) {
    fill(status, notice(errorText(error), 'error'));
  }
});
