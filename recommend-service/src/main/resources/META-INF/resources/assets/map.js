// Topic map: the server's 2-D projection of the paper vectors, coloured by cluster, noise in grey; a tap (or the
// mouse over a point) shows the title, a second tap (or a mouse click) opens the paper.
import { chrome, el, fill, getJson, guarded, onPapersArrive, paperHref, keywordChips, titles, formatNumber } from './ui.js';
import { draw, legend, textTooltip, PALETTE } from './charts.js';

chrome('map.html');

const container = document.getElementById('topic-map');
const NOISE = -1;
const NOISE_LABEL = 'その他（ノイズ）';
const NOISE_COLOUR = '#b0b7c3';
// The paper a touch showed last: a first tap shows its title, a second tap on it opens it.
let tapped = null;

function clusterBadge(cluster) {
  const badge = el('span', { class: 'chip', dataset: { cluster } }, String(cluster + 1));
  badge.style.background = PALETTE[cluster % PALETTE.length];
  badge.style.color = '#fff';
  return badge;
}

function noiseBadge() {
  const badge = el('span', { class: 'chip' }, '–');
  badge.style.background = NOISE_COLOUR;
  badge.style.color = '#fff';
  return badge;
}

async function load() {
  const map = await getJson('/api/analytics/topic-map');
  const noise = map.points.filter((p) => p.cluster === NOISE);
  const series = map.clusters.map((cluster) => {
    const members = map.points.filter((p) => p.cluster === cluster.cluster);
    const top = Math.max(...members.map((p) => p.y));
    return {
      name: cluster.label,
      type: 'scatter',
      symbolSize: 12,
      itemStyle: { color: PALETTE[cluster.cluster % PALETTE.length], opacity: 0.85, borderColor: '#fff', borderWidth: 1 },
      emphasis: { scale: 1.6 },
      data: members.map((p) => ({ value: [p.x, p.y], paper: p })),
      // The cluster's label, above its highest paper; silent, so it never hides a paper from the mouse.
      markPoint: {
        silent: true,
        symbol: 'rect',
        symbolSize: 1,
        itemStyle: { color: 'transparent' },
        label: { show: true, position: 'top', distance: 12, formatter: () => cluster.label, color: '#263238', fontWeight: 600,
          backgroundColor: 'rgba(255,255,255,0.85)', padding: [2, 6], borderRadius: 4 },
        data: [{ coord: [cluster.x, top] }],
        tooltip: { show: false },
      },
    };
  });
  if (noise.length) {
    // Papers close to no topic: small and grey, after the clusters so that they never cover one.
    series.push({
      name: NOISE_LABEL,
      type: 'scatter',
      symbolSize: 8,
      itemStyle: { color: NOISE_COLOUR, opacity: 0.7, borderColor: '#fff', borderWidth: 1 },
      emphasis: { scale: 1.6 },
      data: noise.map((p) => ({ value: [p.x, p.y], paper: p })),
    });
  }
  // Room around the papers for the cluster labels.
  const padded = (share) => ({
    min: (extent) => extent.min - (extent.max - extent.min || 1) * share,
    max: (extent) => extent.max + (extent.max - extent.min || 1) * share,
  });
  const chart = draw(container, {
    legend: legend(),
    grid: { left: 16, right: 16, top: 48, bottom: 16, show: true, borderColor: '#e3e6ee' },
    xAxis: { type: 'value', ...padded(0.25), axisLabel: { show: false }, axisLine: { show: false }, axisTick: { show: false }, splitLine: { show: false } },
    yAxis: { type: 'value', ...padded(0.2), axisLabel: { show: false }, axisLine: { show: false }, axisTick: { show: false }, splitLine: { show: false } },
    tooltip: {
      trigger: 'item',
      // A tap is a click: touch screens have no hover.
      triggerOn: 'mousemove|click',
      // kept inside the chart, so that on a phone a tooltip near the edge is not cut off
      confine: true,
      className: 'chart-tooltip',
      formatter: (params) => {
        if (!params.data?.paper) return '';
        const { main, sub } = titles(params.data.paper);
        return textTooltip([main, sub, params.seriesName]);
      },
    },
    series,
  });
  chart.off('click');
  chart.on('click', (params) => {
    const paper = params.data?.paper;
    if (!paper) return;
    const touch = params.event?.event?.pointerType === 'touch' || params.event?.event?.type?.startsWith('touch');
    if (touch && tapped !== paper.paperId) {
      tapped = paper.paperId; // the tooltip shows the title; a second tap opens the paper
      return;
    }
    location.href = paperHref(paper.paperId);
  });
  container.dataset.points = String(series.reduce((sum, s) => sum + s.data.length, 0));
  // Where the paper drawn last (on top of any other at its place) is, so that a browser test can point at it.
  const top = series.findLastIndex((s) => s.data.length);
  if (top >= 0) {
    const sample = series[top].data[series[top].data.length - 1];
    const [x, y] = chart.convertToPixel({ seriesIndex: top }, sample.value);
    Object.assign(container.dataset, { samplePaper: sample.paper.paperId, sampleX: String(Math.round(x)), sampleY: String(Math.round(y)) });
  }
  container.dataset.clusters = String(map.clusters.length);
  container.dataset.noise = String(noise.length);
  document.getElementById('map-note').textContent =
    `${formatNumber(map.points.length)} 本・${map.clusters.length} クラスタ`
    + (noise.length ? `・${NOISE_LABEL} ${formatNumber(noise.length)} 本` : '')
    + (map.model ? `・${map.model}` : '')
    + (map.skipped ? `（別モデルの ${map.skipped} 本は除外）` : '');
  const items = map.clusters.map((cluster) => el('li', {},
    el('div', { class: 'paper-title' },
      clusterBadge(cluster.cluster), ' ', cluster.label),
    el('div', { class: 'meta' }, `${formatNumber(cluster.papers)} 本`),
    keywordChips(cluster.keywords)));
  if (noise.length) {
    items.push(el('li', { dataset: { cluster: String(NOISE) } },
      el('div', { class: 'paper-title' }, noiseBadge(), ' ', NOISE_LABEL),
      el('div', { class: 'meta' }, `${formatNumber(noise.length)} 本・どのトピックにも近くない論文`)));
  }
  fill(document.getElementById('clusters'), map.points.length ? items
    : el('li', { class: 'empty' }, 'まだ論文がありません。'));
  document.body.dataset.loaded = 'true';
}

guarded(load);
onPapersArrive(() => guarded(load));
