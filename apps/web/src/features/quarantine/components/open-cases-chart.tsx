import { useTranslation } from 'react-i18next';
import { useCaseLabels } from './use-case-labels';

const WIDTH = 640;
const HEIGHT = 160;
const GAP = 4;

/**
 * People in quarantine on each day, as bars (plain SVG: a chart library would
 * cost the page ~100 KB for one small chart). Each bar has its own title and
 * the figure is printed on it, so the chart reads without colour or hover.
 */
export function OpenCasesChart({ points }: { points: { day: string; open: number }[] }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const max = Math.max(1, ...points.map((point) => point.open));
  const barWidth = points.length ? (WIDTH - GAP * (points.length - 1)) / points.length : WIDTH;
  const summary = points.map((point) => t('quarantine.overview.chartDay', { day: point.day.slice(5), count: point.open })).join('，');
  return (
    <figure className="cases-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 36}`} role="img" aria-label={summary} preserveAspectRatio="xMidYMid meet">
        {points.map((point, index) => {
          const height = Math.round((point.open / max) * HEIGHT);
          const x = index * (barWidth + GAP);
          return (
            <g key={point.day}>
              <title>{t('quarantine.overview.chartDay', { day: labels.day(point.day), count: point.open })}</title>
              <rect x={x} y={HEIGHT - height + 16} width={barWidth} height={height} rx={2} className="cases-chart-bar" />
              <text x={x + barWidth / 2} y={HEIGHT - height + 12} textAnchor="middle" className="cases-chart-value">
                {point.open}
              </text>
              <text x={x + barWidth / 2} y={HEIGHT + 32} textAnchor="middle" className="cases-chart-day">
                {point.day.slice(8)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
