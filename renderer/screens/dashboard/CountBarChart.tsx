/**
 * A bar chart of counts (recharts, with its keyboard layer: Tab focuses the chart, the arrow keys move
 * between bars and read each one out in the tooltip). Colours come from the theme through CSS classes
 * and variables (the fill attributes are only fallbacks), and the series are named in an HTML legend beside it.
 */
import type { CSSProperties } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Text, Tooltip, XAxis, YAxis } from 'recharts';
import styles from './CountBarChart.module.css';

/** One series of bars: the data key and its name in the legend and tooltip. */
export interface ChartSeries {
  key: string;
  name: string;
}

/** One bar (or stack) per row; `label` is the category under it. */
export type ChartRow = { label: string } & Record<string, string | number>;

/** What the chart draws and says. */
export interface CountBarChartProps {
  /** What the chart shows, read out when it is focused. */
  title: string;
  rows: readonly ChartRow[];
  series: readonly ChartSeries[];
  /** Stack the series in one bar per row (otherwise side by side). */
  stacked?: boolean;
}

const SERIES_CLASSES = [styles.series0, styles.series1, styles.series2, styles.series3];
const FALLBACK_FILLS = ['#3d4654', '#ebc66f', '#efa9a1', '#b42318'];

/**
 * The tooltip in the theme's colours. recharts writes a white box and each line in its bar's colour
 * as inline styles; these props replace them (React sets them through the CSSOM, so the CSP holds).
 */
const TOOLTIP_BOX: CSSProperties = { backgroundColor: 'var(--surface)', border: '1px solid var(--line)', color: 'var(--ink)' };
const TOOLTIP_TEXT: CSSProperties = { color: 'var(--ink)' };

/** What recharts hands a custom category tick (the parts used here). */
interface CategoryTickProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  visibleTicksCount?: number;
  payload?: { value?: string | number };
}

/**
 * A category's name under its bar, wrapped onto lines no wider than the bar's band, so long names
 * such as "Integrated offender management" never run into their neighbours.
 */
function CategoryTick({ x, y, width, visibleTicksCount, payload }: CategoryTickProps) {
  const band = Number(width) / Math.max(1, visibleTicksCount ?? 1);
  return (
    <Text x={Number(x)} y={Number(y)} width={Math.max(40, band - 6)} maxLines={3} lineHeight="1.2em" textAnchor="middle" verticalAnchor="start" fill="currentColor" fontSize={12}>
      {String(payload?.value ?? '')}
    </Text>
  );
}

/** The chart, with a legend when there is more than one series. */
export function CountBarChart({ title, rows, series, stacked = false }: CountBarChartProps) {
  return (
    <figure className={styles.figure}>
      <div className={styles.plot}>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={[...rows]} accessibilityLayer title={title} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid vertical={false} className={styles.grid} />
            <XAxis dataKey="label" interval={0} height={48} tick={<CategoryTick />} />
            <YAxis allowDecimals={false} width={36} tick={{ fill: 'currentColor', fontSize: 12 }} />
            <Tooltip contentStyle={TOOLTIP_BOX} labelStyle={TOOLTIP_TEXT} itemStyle={TOOLTIP_TEXT} cursor={false} isAnimationActive={false} />
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                className={SERIES_CLASSES[i % SERIES_CLASSES.length] ?? ''}
                fill={FALLBACK_FILLS[i % FALLBACK_FILLS.length] ?? '#3d4654'}
                isAnimationActive={false}
                {...(stacked && { stackId: 'all' })}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {series.length > 1 && (
        <ul className={styles.legend} aria-label="Key">
          {series.map((s, i) => (
            <li key={s.key}>
              <span className={`${styles.swatch} ${SERIES_CLASSES[i % SERIES_CLASSES.length]}`} aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
