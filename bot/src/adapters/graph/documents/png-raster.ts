/**
 * The PNG fallback Word needs beside an SVG picture, made without a canvas: the chart's rectangles
 * (bars, cells, their patterns and outlines) drawn into an RGB raster and written as a PNG with
 * node:zlib's deflate and CRC-32. Text is left to the SVG, which every current Word shows; an
 * application that shows only the fallback shows the shapes, and the table after each chart holds
 * every figure in words.
 */
import { crc32, deflateSync } from 'node:zlib';
import { COLOURS, type Chart, type Fill } from './report-charts';

type Rgb = readonly [number, number, number];

const rgb = (hex: string): Rgb => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];

const PAPER = rgb(COLOURS.paper);
const DARK = rgb(COLOURS.dark);
const MID = rgb(COLOURS.mid);
const LIGHT = rgb(COLOURS.light);
const LINE = rgb(COLOURS.line);

function fillAt(fill: Fill, x: number, y: number): Rgb {
  switch (fill) {
    case 'solid':
      return DARK;
    case 'hatch':
      // Diagonal stripes 3 px wide every 6 px, as the SVG pattern draws them.
      return (x + y) % 6 < 3 ? MID : PAPER;
    case 'light':
      return LIGHT;
    case 'empty':
      return PAPER;
  }
}

export function chartPng(chart: Chart): Uint8Array {
  const width = Math.ceil(chart.width);
  const height = Math.ceil(chart.height);
  const stride = width * 3 + 1;
  const raster = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    raster[y * stride] = 0; // filter: none
    raster.fill(255, y * stride + 1, (y + 1) * stride);
  }
  const put = (x: number, y: number, [r, g, b]: Rgb) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const at = y * stride + 1 + x * 3;
    raster[at] = r;
    raster[at + 1] = g;
    raster[at + 2] = b;
  };
  for (const shape of chart.shapes) {
    if (shape.kind !== 'rect') continue;
    const x0 = Math.round(shape.x);
    const y0 = Math.round(shape.y);
    const x1 = x0 + Math.round(shape.width);
    const y1 = y0 + Math.round(shape.height);
    const outlined = shape.fill !== 'solid';
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const edge = x === x0 || x === x1 - 1 || y === y0 || y === y1 - 1;
        put(x, y, outlined && edge ? (shape.fill === 'hatch' ? DARK : LINE) : fillAt(shape.fill, x, y));
      }
    }
  }
  return encodePng(width, height, raster);
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGB PNG of rows that each start with their filter byte. */
function encodePng(width: number, height: number, rows: Uint8Array): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  // compression, filter and interlace methods stay 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
