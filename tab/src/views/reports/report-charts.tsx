/**
 * The report's charts as inline SVG (no script, so the tab's CSP allows them): horizontal bars with
 * each row's label above its bars (long förvaltning names get the width) and the value written
 * after each bar, and the meetings × organisations heat map with a symbol in every cell. Each SVG
 * is `role="img"`, named by its `<title>` and described by its `<desc>`; the meaning is in text and
 * patterns, never in colour alone; and `ChartFigure` offers the same figures as a table.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState, type ReactNode } from 'react';
import type { AttendanceMark } from './reports-api';
import { useReportsStrings } from './reports-strings';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  // Never drawn larger than its own size: 12 px text stays 12 px on a wide screen.
  svg: { display: 'block', width: '100%', height: 'auto', maxWidth: '360px' },
  scroll: {
    maxWidth: '100%',
    overflowX: 'auto',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  text: {
    fill: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    '@media (forced-colors: active)': { fill: 'CanvasText' },
  },
  bold: { fontWeight: tokens.fontWeightSemibold },
  inverse: { fill: tokens.colorNeutralForegroundOnBrand, '@media (forced-colors: active)': { fill: 'Canvas' } },
  solid: { fill: tokens.colorBrandBackground, '@media (forced-colors: active)': { fill: 'CanvasText' } },
  hatchStripe: { fill: tokens.colorBrandBackground, '@media (forced-colors: active)': { fill: 'CanvasText' } },
  hatchGround: { fill: tokens.colorNeutralBackground1, '@media (forced-colors: active)': { fill: 'Canvas' } },
  outline: { stroke: tokens.colorNeutralStroke1Pressed, strokeWidth: 1, '@media (forced-colors: active)': { stroke: 'CanvasText' } },
  light: { fill: tokens.colorNeutralBackground4, '@media (forced-colors: active)': { fill: 'Canvas' } },
  empty: { fill: tokens.colorNeutralBackground1, '@media (forced-colors: active)': { fill: 'Canvas' } },
  toggle: { alignSelf: 'flex-start' },
});

/** A chart with its "show as a table" button; the table appears after the chart. */
export function ChartFigure({ chart, table }: { chart: ReactNode; table: ReactNode }) {
  const styles = useStyles();
  const s = useReportsStrings();
  const [open, setOpen] = useState(false);
  const tableId = useId();
  return (
    <div className={styles.figure}>
      {chart}
      <Button className={styles.toggle} size="small" aria-expanded={open} aria-controls={tableId} onClick={() => setOpen(!open)}>
        {open ? s.hideTable : s.showTable}
      </Button>
      <div id={tableId} hidden={!open}>
        {table}
      </div>
    </div>
  );
}

export interface Series {
  name: string;
  hatched: boolean;
}

const WIDTH = 360;
const LABEL_LINE = 18;
const BAR = 14;
const GAP = 3;
const GROUP_GAP = 10;
const VALUE_SPACE = 34;
/** Longer labels are cut in the chart (the table has them whole): the SVG does not wrap text. */
const LABEL_MAX = 56;

const cut = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text);

function Hatch({ id }: { id: string }) {
  const styles = useStyles();
  return (
    <defs>
      <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" className={styles.hatchGround} />
        <rect width="3" height="6" className={styles.hatchStripe} />
      </pattern>
    </defs>
  );
}

export function BarChart({
  title,
  desc,
  series,
  rows,
}: {
  title: string;
  desc: string;
  series: readonly Series[];
  rows: readonly { label: string; values: readonly number[] }[];
}) {
  const styles = useStyles();
  const id = useId();
  const hatchId = `${id}-hatch`;
  const shapes: ReactNode[] = [];
  let y = 4;
  if (series.length > 1) {
    let x = 0;
    series.forEach((s, i) => {
      shapes.push(
        <rect
          key={`legend-${i}`}
          x={x}
          y={y}
          width={12}
          height={12}
          className={s.hatched ? styles.outline : styles.solid}
          fill={s.hatched ? `url(#${hatchId})` : undefined}
        />,
        <text key={`legend-text-${i}`} x={x + 18} y={y + 11} fontSize={12} className={styles.text}>
          {s.name}
        </text>,
      );
      x += 18 + s.name.length * 7 + 20;
    });
    y += 12 + GROUP_GAP + 4;
  }
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const span = WIDTH - VALUE_SPACE;
  rows.forEach((row, r) => {
    shapes.push(
      <text key={`label-${r}`} x={0} y={y + 12} fontSize={12} className={`${styles.text} ${styles.bold}`}>
        {cut(row.label)}
      </text>,
    );
    y += LABEL_LINE;
    row.values.forEach((value, i) => {
      const s = series[i];
      const width = Math.max(1, Math.round((value / max) * span));
      shapes.push(
        <rect
          key={`bar-${r}-${i}`}
          x={0}
          y={y}
          width={width}
          height={BAR}
          className={s?.hatched ? styles.outline : styles.solid}
          fill={s?.hatched ? `url(#${hatchId})` : undefined}
        />,
        <text key={`value-${r}-${i}`} x={width + 5} y={y + BAR - 3} fontSize={12} className={styles.text}>
          {value}
        </text>,
      );
      y += BAR + GAP;
    });
    y += GROUP_GAP;
  });
  const height = Math.max(y, 24);
  return (
    <svg className={styles.svg} role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} data-chart="bars">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <Hatch id={hatchId} />
      {shapes}
    </svg>
  );
}

// Wide enough for a column label such as "14/10" at 11 px beside the next one.
const CELL_W = 40;
const CELL_H = 20;
const HEADER_H = 18;

export function HeatMap({
  title,
  desc,
  columns,
  rows,
}: {
  title: string;
  desc: string;
  columns: readonly string[];
  rows: readonly { label: string; cells: readonly AttendanceMark[] }[];
}) {
  const styles = useStyles();
  const s = useReportsStrings();
  const id = useId();
  const hatchId = `${id}-hatch`;
  const fillOf = (mark: AttendanceMark) =>
    mark === 'delegate'
      ? { className: styles.solid }
      : mark === 'substitute'
        ? { className: styles.outline, fill: `url(#${hatchId})` }
        : mark === 'absent'
          ? { className: `${styles.empty} ${styles.outline}` }
          : { className: `${styles.light} ${styles.outline}` };
  const width = Math.max(WIDTH, columns.length * CELL_W);
  let y = HEADER_H + 2;
  const shapes: ReactNode[] = columns.map((column, i) => (
    <text key={`col-${i}`} x={i * CELL_W + (CELL_W - 2) / 2} y={HEADER_H - 5} fontSize={11} textAnchor="middle" className={styles.text}>
      {column}
    </text>
  ));
  rows.forEach((row, r) => {
    shapes.push(
      <text key={`row-${r}`} x={0} y={y + 12} fontSize={12} className={`${styles.text} ${styles.bold}`}>
        {cut(row.label)}
      </text>,
    );
    y += LABEL_LINE;
    row.cells.forEach((mark, i) => {
      const x = i * CELL_W;
      shapes.push(
        <rect key={`cell-${r}-${i}`} x={x} y={y} width={CELL_W - 2} height={CELL_H} {...fillOf(mark)} />,
        <text
          key={`mark-${r}-${i}`}
          x={x + (CELL_W - 2) / 2}
          y={y + 14}
          fontSize={12}
          textAnchor="middle"
          className={`${mark === 'delegate' ? styles.inverse : styles.text} ${styles.bold}`}
        >
          {s.marks[mark]}
        </text>,
      );
    });
    y += CELL_H + 6;
  });
  return (
    <div className={styles.scroll} role="region" aria-label={s.heatScroll} tabIndex={0}>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        width={width}
        height={y}
        viewBox={`0 0 ${width} ${y}`}
        data-chart="heat-map"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        <Hatch id={hatchId} />
        {shapes}
      </svg>
    </div>
  );
}
