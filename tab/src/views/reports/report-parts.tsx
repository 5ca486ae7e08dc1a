/** A report's building blocks: a section card with its heading, and a table (the chart's alternative). */
import { useId, type ReactNode } from 'react';
import { useReportStyles } from './report-styles';

export function DataTable({ caption, head, rows, numeric }: { caption: string; head: string[]; rows: ReactNode[][]; numeric: number }) {
  const styles = useReportStyles();
  // The first `head.length - numeric` columns are text, the rest numbers (right-aligned).
  const isNum = (i: number) => i >= head.length - numeric;
  return (
    // Wide tables scroll sideways in a narrow side panel: the region is focusable so a keyboard can scroll it.
    <div className={styles.tableWrap} role="region" aria-label={caption} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className={isNum(i) ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={isNum(i) ? 'num' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useReportStyles();
  const id = useId();
  return (
    <section className={styles.card} aria-labelledby={id}>
      <h3 id={id} className={styles.h3}>
        {title}
      </h3>
      {children}
    </section>
  );
}
