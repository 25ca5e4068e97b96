import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';

export interface BarDatum {
  label: string;
  value: number;
}

/**
 * Horizontal bars in SVG (visx). Each bar carries its label and value as text, so the chart
 * never depends on colour; the same numbers are in the table beside it. Hidden from screen
 * readers, which read that table instead.
 */
export function BarChart({ data, title }: { data: readonly BarDatum[]; title: string }) {
  const width = 360;
  const labelWidth = 110;
  const rowHeight = 22;
  const height = Math.max(rowHeight, data.length * rowHeight);
  const max = Math.max(1, ...data.map((d) => d.value));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, width - labelWidth - 40] });
  const y = scaleBand<string>({ domain: data.map((d) => d.label), range: [0, height], padding: 0.2 });
  return (
    <figure className="report-chart">
      <svg width={width} height={height} role="presentation" aria-hidden="true">
        {data.map((d) => {
          const top = y(d.label) ?? 0;
          const barWidth = x(d.value);
          return (
            <g key={d.label}>
              <text x={labelWidth - 6} y={top + y.bandwidth() / 2} dominantBaseline="middle" textAnchor="end">
                {d.label}
              </text>
              <Bar x={labelWidth} y={top} width={barWidth} height={y.bandwidth()} className="report-bar" />
              <text x={labelWidth + barWidth + 4} y={top + y.bandwidth() / 2} dominantBaseline="middle">
                {d.value}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
