// The area scores as a horizontal bar chart in inline SVG: no library, no network, colours from the stylesheet.
import type { Area } from '../../checks/types.js';
import type { AreaSummaryOutput } from '../audit-output.js';
import { escapeHtml as esc } from '../escape.js';
import { AREA_LABELS } from '../labels.js';

const ROW = 28;
const LABEL = 190;
const BAR = 300;
const WIDTH = LABEL + BAR + 50;

export function areaChart(areas: Partial<Record<Area, AreaSummaryOutput>>): string {
  const entries = Object.entries(areas) as [Area, AreaSummaryOutput][];
  const height = Math.max(1, entries.length) * ROW + 8;
  const bars = entries.map(([area, s], i) => {
    const y = 4 + i * ROW;
    const score = s.score;
    const width = score === null ? 0 : Math.round((BAR * score) / 100);
    return [
      `<text x="0" y="${y + 17}">${esc(AREA_LABELS[area] ?? area)}</text>`,
      `<rect class="track" x="${LABEL}" y="${y + 4}" width="${BAR}" height="16" rx="3"/>`,
      `<rect class="bar" x="${LABEL}" y="${y + 4}" width="${width}" height="16" rx="3"/>`,
      `<text class="${score === null ? 'none' : ''}" x="${LABEL + BAR + 8}" y="${y + 17}">${score === null ? 'n/a' : String(score)}</text>`,
    ].join('');
  });
  const summary = entries.map(([area, s]) => `${AREA_LABELS[area] ?? area} ${s.score === null ? 'n/a' : s.score}`).join(', ');
  return `<svg id="area-chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg"><title id="chart-title">Score per area: ${esc(summary)}</title>${bars.join('')}</svg>`;
}
