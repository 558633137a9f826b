// Charts are Apache ECharts, served by Quarkus from the org.mvnpm:echarts jar (recommend-service/pom.xml sets the version).
import * as echarts from '/_static/echarts/6.0.0/dist/echarts.esm.min.js';
// The bundle has only EN and ZH built in; the Japanese texts (toolbox, dates, aria) ship with it as a module.
import langJA from '/_static/echarts/6.0.0/lib/i18n/langJA.js';

echarts.registerLocale('JA', langJA);

const FONT = getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'sans-serif';
export const PALETTE = ['#3f51b5', '#e57373', '#4db6ac', '#ffb74d', '#9575cd', '#81c784', '#f06292', '#4fc3f7', '#a1887f', '#90a4ae', '#dce775'];

const charts = new Set();
window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));

/**
 * An ECharts instance in {@code container} (SVG, so text is real text), drawn with {@code option}. The container gets
 * data-series-lengths (points per series) and data-ready, which the browser tests read.
 */
export function draw(container, option) {
  let chart = echarts.getInstanceByDom(container);
  if (!chart) {
    chart = echarts.init(container, null, { renderer: 'svg', locale: 'JA' });
    charts.add(chart);
  }
  chart.setOption({
    color: PALETTE,
    textStyle: { fontFamily: FONT },
    animation: false,
    ...option,
  }, { notMerge: true });
  const series = Array.isArray(option.series) ? option.series : [option.series];
  container.dataset.seriesLengths = series.map((s) => (s.data || []).length).join(',');
  container.dataset.ready = 'true';
  return chart;
}

/** Axis and grid settings shared by the bar and line charts. */
export function categoryAxes(categories, { everyLabel = false } = {}) {
  return {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: everyLabel ? { interval: 0, fontSize: 11 } : { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
  };
}

export function legend() {
  return { type: 'scroll', top: 0, textStyle: { fontFamily: FONT } };
}

/** A tooltip whose content is built from text nodes: titles from documents never become markup. */
export function textTooltip(lines) {
  const box = document.createElement('div');
  for (const [index, line] of lines.filter(Boolean).entries()) {
    const row = document.createElement('div');
    row.textContent = line;
    if (index === 0) row.style.fontWeight = '600';
    box.append(row);
  }
  box.style.maxWidth = '320px';
  box.style.whiteSpace = 'normal';
  return box;
}

/** Month/day labels for ISO dates. */
export const shortDate = (iso) => {
  const [, month, day] = String(iso).split('-');
  return month && day ? `${Number(month)}/${Number(day)}` : String(iso);
};

export { echarts };

/** The axis tooltip of bar and line charts, as text: the category, then one "series: value" line per series. */
export function axisTooltip(format = (v) => v) {
  return {
    trigger: 'axis',
    className: 'chart-tooltip',
    formatter: (params) => {
      const items = Array.isArray(params) ? params : [params];
      return textTooltip([items[0]?.axisValueLabel ?? items[0]?.name,
        ...items.map((p) => `${p.seriesName}: ${format(p.value)}`)]);
    },
  };
}
