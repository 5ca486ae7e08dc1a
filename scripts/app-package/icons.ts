/**
 * The app's icons, drawn by code: a round table with four seats, the working group around it.
 * Shapes are signed distance functions on a 32×32 design grid (negative inside); a pixel's
 * coverage is its centre's distance to the edge, in pixels, clamped to [0, 1]: anti-aliased
 * edges with no image library, and the same pixels on every run. The outline icon is the glyph
 * alone, pure white on transparent (Teams tints it); the colour icon is the glyph in white on a
 * rounded square in the accent colour.
 */
import { encodePng } from './png';

/** The manifest's accentColor; the colour icon's background. */
export const ACCENT_COLOUR = '#1F6E43';
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** Signed distance from (x, y) to the shape's edge: negative inside. */
type Shape = (x: number, y: number) => number;

const disc =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;

const roundedRect = (x0: number, y0: number, x1: number, y1: number, r: number): Shape => {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx;
    const qy = Math.abs(y - cy) - hy;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };
};

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    Math.min(...shapes.map((shape) => shape(x, y)));

/**
 * The table, and a seat on each side: wide and flat, so they read as chairs pulled up to it.
 * Straight edges sit on whole pixels of the 32-grid, so the outline icon stays crisp.
 */
const GLYPH = union(
  disc(16, 16, 7),
  roundedRect(11, 3, 21, 7, 2), // top seat
  roundedRect(11, 25, 21, 29, 2), // bottom seat
  roundedRect(3, 11, 7, 21, 2), // left seat
  roundedRect(25, 11, 29, 21, 2), // right seat
);

/** How much of the pixel whose centre is `distance` pixels from the edge the shape covers. */
const coverage = (distance: number): number => Math.min(Math.max(0.5 - distance, 0), 1);

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function render(size: number, paint: (x: number, y: number) => [number, number, number, number]): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) pixels.set(paint(x + 0.5, y + 0.5), (y * size + x) * 4);
  return pixels;
}

/**
 * 192×192: the 32-grid is drawn 136 px wide in the middle, so the glyph itself (26 grid units)
 * is about 110 px, inside the 120 px safe area Teams' icon guidance asks for.
 */
export function drawColorIcon(): Buffer {
  const size = COLOR_ICON_SIZE;
  const background = roundedRect(0, 0, size, size, 40);
  const scale = 136 / 32;
  const offset = (size - 136) / 2;
  const accent = hexToRgb(ACCENT_COLOUR);
  return encodePng(
    size,
    size,
    render(size, (x, y) => {
      const white = coverage(GLYPH((x - offset) / scale, (y - offset) / scale) * scale);
      const [r, g, b] = accent.map((c) => Math.round(c + (255 - c) * white));
      return [r ?? 0, g ?? 0, b ?? 0, Math.round(255 * coverage(background(x, y)))];
    }),
  );
}

/** 32×32: the glyph alone, white, its shape carried by alpha only. */
export function drawOutlineIcon(): Buffer {
  const size = OUTLINE_ICON_SIZE;
  return encodePng(
    size,
    size,
    render(size, (x, y) => [255, 255, 255, Math.round(255 * coverage(GLYPH(x, y)))]),
  );
}
