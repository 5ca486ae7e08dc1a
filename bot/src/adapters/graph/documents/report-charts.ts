/**
 * The report's charts as shapes (rectangles and text), written out as accessible SVG for the Word
 * document and, without the text, as the PNG fallback Word asks for (png-raster.ts). Accessible:
 * `role="img"` named by its `<title>` and described by its `<desc>`; every bar carries its value as
 * text and every heat-map cell a symbol, so nothing is told by colour alone; the document puts a
 * table with the same figures after each chart.
 */
import { escapeHtml } from '../mail-bodies';

export type Fill = 'solid' | 'hatch' | 'light' | 'empty';

export interface ChartRect {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill: Fill;
  /** The bar or cell's name for a screen reader walking the SVG. */
  label?: string;
}

export interface ChartText {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
  bold?: boolean;
  /** On a dark fill. */
  inverse?: boolean;
}

export interface Chart {
  width: number;
  height: number;
  title: string;
  desc: string;
  shapes: (ChartRect | ChartText)[];
}

/** Colours with at least 4.5:1 against what they sit on; the pattern and the text carry the meaning. */
export const COLOURS = { ink: '#1F1F1F', dark: '#1F5130', mid: '#5C8F6A', light: '#E4EFE7', line: '#6B6B6B', paper: '#FFFFFF' } as const;

const WIDTH = 640;
const FONT_SIZE = 12;
const LABEL_LINE = 18;
const BAR = 16;
const BAR_GAP = 3;
const GROUP_GAP = 10;
const VALUE_SPACE = 40;

export interface BarSeries {
  name: string;
  fill: Fill;
}

/**
 * Horizontal bars, a group per row: the row's label on its own line above its bars (long names of
 * förvaltningar need the whole width), one bar per series, the value written after each bar.
 */
export function barChart(options: {
  title: string;
  desc: string;
  series: readonly BarSeries[];
  rows: readonly { label: string; values: readonly number[] }[];
}): Chart {
  const shapes: Chart['shapes'] = [];
  let y = 4;
  if (options.series.length > 1) {
    let x = 0;
    for (const s of options.series) {
      shapes.push({ kind: 'rect', x, y, width: 14, height: 14, fill: s.fill });
      shapes.push({ kind: 'text', x: x + 20, y: y + 12, text: s.name, anchor: 'start' });
      x += 20 + s.name.length * 7 + 24;
    }
    y += 14 + GROUP_GAP + 4;
  }
  const max = Math.max(1, ...options.rows.flatMap((r) => r.values));
  const span = WIDTH - VALUE_SPACE;
  for (const row of options.rows) {
    shapes.push({ kind: 'text', x: 0, y: y + FONT_SIZE, text: row.label, anchor: 'start', bold: true });
    y += LABEL_LINE;
    row.values.forEach((value, i) => {
      const series = options.series[i];
      const width = Math.round((value / max) * span);
      shapes.push({
        kind: 'rect',
        x: 0,
        y,
        width: Math.max(width, 1),
        height: BAR,
        fill: series?.fill ?? 'solid',
        label: `${row.label}, ${series?.name ?? ''}: ${value}`,
      });
      shapes.push({ kind: 'text', x: Math.max(width, 1) + 6, y: y + BAR - 4, text: String(value), anchor: 'start' });
      y += BAR + BAR_GAP;
    });
    y += GROUP_GAP;
  }
  return { width: WIDTH, height: Math.max(y, 24), title: options.title, desc: options.desc, shapes };
}

// Wide enough for a column label such as "14/10" beside the next one.
const CELL_W = 40;
const CELL_H = 22;
const HEADER_H = 20;

/** Meetings × organisations: a row per organisation (its name above it), a cell per meeting with a symbol in it. */
export function heatMap(options: {
  title: string;
  desc: string;
  columns: readonly string[];
  rows: readonly { label: string; cells: readonly { symbol: string; fill: Fill; label: string }[] }[];
}): Chart {
  const shapes: Chart['shapes'] = [];
  options.columns.forEach((column, i) => {
    shapes.push({ kind: 'text', x: i * CELL_W + CELL_W / 2, y: HEADER_H - 6, text: column, anchor: 'middle' });
  });
  let y = HEADER_H + 2;
  for (const row of options.rows) {
    shapes.push({ kind: 'text', x: 0, y: y + FONT_SIZE, text: row.label, anchor: 'start', bold: true });
    y += LABEL_LINE;
    row.cells.forEach((cell, i) => {
      const x = i * CELL_W;
      shapes.push({ kind: 'rect', x, y, width: CELL_W - 2, height: CELL_H, fill: cell.fill, label: cell.label });
      shapes.push({
        kind: 'text',
        x: x + (CELL_W - 2) / 2,
        y: y + 16,
        text: cell.symbol,
        anchor: 'middle',
        bold: true,
        inverse: cell.fill === 'solid',
      });
    });
    y += CELL_H + 6;
  }
  return { width: Math.max(WIDTH, options.columns.length * CELL_W), height: y, title: options.title, desc: options.desc, shapes };
}

const FILL_ATTRS: Record<Fill, string> = {
  solid: `fill="${COLOURS.dark}"`,
  hatch: `fill="url(#hatch)" stroke="${COLOURS.dark}"`,
  light: `fill="${COLOURS.light}" stroke="${COLOURS.line}"`,
  empty: `fill="${COLOURS.paper}" stroke="${COLOURS.line}"`,
};

/**
 * Text without the characters XML forbids (a name could carry one, and Word refuses the file):
 * controls but tab, newline and return, U+FFFE and U+FFFF; half a surrogate pair becomes U+FFFD.
 */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- dropping control characters is the point
  return text.toWellFormed().replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

const xmlText = (text: string) => escapeHtml(xmlSafe(text));

/** The chart as a standalone SVG document (UTF-8), as Word embeds it. */
export function chartSvg(chart: Chart, id: string): string {
  const parts = chart.shapes.map((shape) => {
    if (shape.kind === 'rect') {
      const title = shape.label ? `<title>${xmlText(shape.label)}</title>` : '';
      return `<rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" ${FILL_ATTRS[shape.fill]}>${title}</rect>`;
    }
    const fill = shape.inverse ? COLOURS.paper : COLOURS.ink;
    const weight = shape.bold ? ' font-weight="bold"' : '';
    return `<text x="${shape.x}" y="${shape.y}" text-anchor="${shape.anchor}" fill="${fill}"${weight}>${xmlText(shape.text)}</text>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc"`,
    ` width="${chart.width}" height="${chart.height}" viewBox="0 0 ${chart.width} ${chart.height}"`,
    ` font-family="Calibri, Arial, sans-serif" font-size="${FONT_SIZE}">`,
    `<title id="${id}-title">${xmlText(chart.title)}</title>`,
    `<desc id="${id}-desc">${xmlText(chart.desc)}</desc>`,
    '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">',
    `<rect width="6" height="6" fill="${COLOURS.paper}"/><rect width="3" height="6" fill="${COLOURS.mid}"/></pattern></defs>`,
    ...parts,
    '</svg>',
  ].join('');
}
