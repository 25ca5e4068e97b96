import { dataValue, type Figure, formatFigure } from '@/lib/report/figure-list';

/** One group of figures as a plain table; every value cell carries its test id and machine value. */
export function FigureTable({ caption, figures }: { caption: string; figures: readonly Figure[] }) {
  return (
    <table className="report-table">
      <caption>{caption}</caption>
      <tbody>
        {figures.map((f) => (
          <tr key={f.id}>
            <th scope="row">{f.label}</th>
            <td data-testid={`report-${f.id}`} data-value={dataValue(f.value)}>
              {formatFigure(f)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
