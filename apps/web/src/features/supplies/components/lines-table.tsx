import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface LinesColumn {
  title: string;
  /** A cell's class (e.g. `gap-value` for a difference), per line. */
  className?: (lineIndex: number) => string | undefined;
}

/**
 * The lines of a supply document (a request, a transfer) as a small table:
 * item per row, one column per figure. Scrolls sideways in its own labelled,
 * focusable box on a phone.
 */
export function LinesTable({ label, columns, lines }: { label: string; columns: readonly LinesColumn[]; lines: readonly { key: string; item: string; cells: readonly ReactNode[] }[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="lines-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('supplies.figure.item')}</th>
            {columns.map((column) => (
              <th scope="col" key={column.title}>
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line, lineIndex) => (
            <tr key={line.key}>
              <th scope="row">{line.item}</th>
              {line.cells.map((cell, index) => (
                <td key={columns[index]!.title} className={columns[index]!.className?.(lineIndex)}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
