// Topic map: the server's 2-D projection of the paper vectors, coloured by cluster; hover shows the title, click opens it.
import { chrome, el, fill, getJson, guarded, onPapersArrive, paperHref, keywordChips, titles, formatNumber } from './ui.js';
import { draw, legend, textTooltip, PALETTE } from './charts.js';

chrome('map.html');

const container = document.getElementById('topic-map');

function clusterBadge(cluster) {
  const badge = el('span', { class: 'chip', dataset: { cluster } }, String(cluster + 1));
  badge.style.background = PALETTE[cluster % PALETTE.length];
  badge.style.color = '#fff';
  return badge;
}

async function load() {
  const map = await getJson('/api/analytics/topic-map');
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
    if (params.data?.paper) location.href = paperHref(params.data.paper.paperId);
  });
  container.dataset.points = String(series.reduce((sum, s) => sum + s.data.length, 0));
  // Where the first paper is drawn, so that a browser test can point at it.
  const first = series.find((s) => s.data.length)?.data[0];
  if (first) {
    const [x, y] = chart.convertToPixel({ seriesIndex: series.findIndex((s) => s.data.length) }, first.value);
    Object.assign(container.dataset, { samplePaper: first.paper.paperId, sampleX: String(Math.round(x)), sampleY: String(Math.round(y)) });
  }
  container.dataset.clusters = String(map.clusters.length);
  document.getElementById('map-note').textContent =
    `${formatNumber(map.points.length)} 本・${map.clusters.length} クラスタ${map.model ? `・${map.model}` : ''}`
    + (map.skipped ? `（別モデルの ${map.skipped} 本は除外）` : '');
  fill(document.getElementById('clusters'), map.clusters.length ? map.clusters.map((cluster) => el('li', {},
    el('div', { class: 'paper-title' },
      clusterBadge(cluster.cluster), ' ', cluster.label),
    el('div', { class: 'meta' }, `${formatNumber(cluster.papers)} 本`),
    keywordChips(cluster.keywords)))
    : el('li', { class: 'empty' }, 'まだ論文がありません。'));
  document.body.dataset.loaded = 'true';
}

guarded(load);
onPapersArrive(() => guarded(load));
