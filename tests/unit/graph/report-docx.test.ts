/**
 * The report's charts and Word document. The SVG is well-formed XML with `role="img"`, a title and
 * a description it is labelled by, one bar per organisation per series with its value as text, and
 * a symbol in every heat-map cell (meaning never by colour alone). The PNG fallback is a real PNG
 * of the chart's size. The .docx unzips, every XML part passes a strict XML 1.0 reader even with
 * hostile organisation and goal names, each chart is there as an SVG and a PNG picture with
 * alternative text, and each chart is followed by its table.
 */
import { strFromU8, unzipSync } from 'fflate';
import { inflateSync } from 'node:zlib';
import { renderReportDocx, reportCharts } from '../../../bot/src/adapters/graph/documents/report-docx';
import { chartPng } from '../../../bot/src/adapters/graph/documents/png-raster';
import { chartSvg, xmlSafe } from '../../../bot/src/adapters/graph/documents/report-charts';
import { reportMessages } from '../../../bot/src/app/i18n/report-messages';
import type { ReportView } from '../../../bot/src/app/report-view';
import { buildReport } from '../../../bot/src/domain/report';
import { XSS_CORPUS } from '../../fixtures/xss-corpus';
import { readXml } from '../../support/strict-xml';

const hostile = XSS_CORPUS.map((h) => h.text);

function aView(
  names: readonly string[] = ['Kultur- och fritidsförvaltningen', 'Omsorgsförvaltningen', 'Trollhättan Energi AB'],
): ReportView {
  const organisations = names.map((name, i) => ({ id: `o${i}`, name, kind: 'forvaltning' as const }));
  const meeting = (id: string, iso: string) => ({
    id,
    title: `Möte ${id}`,
    startsAt: new Date(iso),
    durationMinutes: 60,
    status: 'minutes_published' as const,
  });
  const figures = buildReport({
    period: { from: '2026-01-01', to: '2026-12-31' },
    now: new Date('2026-12-15T12:00:00Z'),
    meetings: [meeting('m1', '2026-02-10T12:00:00Z'), meeting('m2', '2026-03-10T12:00:00Z')],
    organisations,
    people: organisations.map((o) => ({ id: `p-${o.id}`, organisationId: o.id })),
    memberships: organisations.map((o) => ({ personId: `p-${o.id}`, role: 'delegate' as const })),
    attendance: [{ meetingId: 'm1', personId: 'p-o0', rsvp: null, present: true, substituteForPersonId: null }],
    goals: [{ id: 'g1' }],
    proposals: [
      { id: 'a', organisationId: 'o0', goalIds: ['g1'], createdAt: new Date('2026-01-10T09:00:00Z'), status: 'accepted' },
      { id: 'b', organisationId: 'o0', goalIds: [], createdAt: new Date('2026-01-11T09:00:00Z'), status: 'accepted' },
      { id: 'c', organisationId: 'o1', goalIds: ['g1'], createdAt: new Date('2026-01-12T09:00:00Z'), status: 'submitted' },
    ],
    decisions: [{ meetingId: 'm1', agendaItemId: 'i1', organisationId: 'o0', goalIds: ['g1'] }],
    actions: [
      { id: 'x', organisationId: 'o1', dueDate: '2026-05-01', status: 'open', createdAt: new Date('2026-02-11T09:00:00Z'), doneAt: null },
    ],
    competence: [{ id: 'c1', date: '2026-04-01', title: names[0] ?? 'Föreläsning', kind: 'lecture', organisationIds: ['o0'] }],
    reReports: [],
  });
  return {
    group: { id: 'g', name: names[1] ?? 'Gruppen' },
    committeeName: names[2] ?? 'Miljöutskottet',
    audience: 'utskott',
    period: figures.period,
    generatedAt: new Date('2026-12-15T12:00:00Z'),
    organisations,
    goals: [{ id: 'g1', framework: 'sdg', number: 13, name: names[0] ?? 'Bekämpa klimatförändringarna' }],
    figures,
  };
}

describe('the report charts', () => {
  const m = reportMessages('sv');

  it('draw one labelled bar per organisation and series, each value written out, in well-formed SVG', () => {
    const charts = reportCharts(aView(), m);
    const svg = chartSvg(charts.byOrganisation, 'orgs');
    const read = readXml(svg, 'chart', ['title', 'desc', 'text']);
    expect(read.elements[0]).toBe('svg[aria-labelledby,font-family,font-size,height,role,viewBox,width,xmlns]');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="orgs-title orgs-desc"');
    const texts = read.texts.map((t) => t.text);
    expect(texts[0]).toBe('Förslag och beslut per organisation');
    expect(texts[1]).toMatch(/Varje stapel har sitt värde utskrivet/);
    // Three organisations × (proposals, decisions): six bars, each titled with what it shows.
    const bars = read.texts.filter((t) => t.element === 'title' && / (Förslag|Beslut): \d+$/.test(t.text)).map((t) => t.text);
    expect(bars).toEqual([
      'Kultur- och fritidsförvaltningen, Förslag: 2',
      'Kultur- och fritidsförvaltningen, Beslut: 1',
      'Omsorgsförvaltningen, Förslag: 1',
      'Omsorgsförvaltningen, Beslut: 0',
      'Trollhättan Energi AB, Förslag: 0',
      'Trollhättan Energi AB, Beslut: 0',
    ]);
    // Labels and values as visible text, not only in the titles.
    const shown = read.texts.filter((t) => t.element === 'text').map((t) => t.text);
    expect(shown).toEqual([
      'Förslag',
      'Beslut',
      'Kultur- och fritidsförvaltningen',
      '2',
      '1',
      'Omsorgsförvaltningen',
      '1',
      '0',
      'Trollhättan Energi AB',
      '0',
      '0',
    ]);
  });

  it('put a symbol in every heat-map cell, not only a colour', () => {
    const heat = reportCharts(aView(), m).attendance!;
    const read = readXml(chartSvg(heat, 'att'), 'heat', ['text']);
    const shown = read.texts.map((t) => t.text);
    // Header 10/2 10/3, then per organisation its name and two cells: o0 was there at m1, m2 unknown.
    expect(shown).toEqual([
      '10/2',
      '10/3',
      'Kultur- och fritidsförvaltningen',
      'D',
      '?',
      'Omsorgsförvaltningen',
      '–',
      '?',
      'Trollhättan Energi AB',
      '–',
      '?',
    ]);
  });

  it('keep hostile names as text', () => {
    for (const name of hostile) {
      const charts = reportCharts(aView([name, name, name]), m);
      for (const chart of [charts.byOrganisation, charts.byGoal!, charts.actions, charts.attendance!]) {
        const read = readXml(chartSvg(chart, 'c'), `chart with ${JSON.stringify(name)}`, ['text']);
        // Only the chart's own elements; the name comes back as the text of a label, minus what XML cannot carry.
        expect(new Set(read.elements.map((e) => e.slice(0, e.indexOf('['))))).toEqual(
          new Set(['svg', 'title', 'desc', 'defs', 'pattern', 'rect', 'text']),
        );
        if (chart !== charts.actions) expect(read.texts.some((t) => t.text.endsWith(xmlSafe(name)))).toBe(true);
      }
    }
  });

  it('make a PNG fallback of the chart size with the bars drawn', () => {
    const chart = reportCharts(aView(), m).byOrganisation;
    const png = Buffer.from(chartPng(chart));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([chart.width, Math.ceil(chart.height)]);
    const idat = png.indexOf('IDAT', 0, 'latin1');
    const rows = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    // The first bar (solid, dark green) starts at x = 0 on the first bar row: that pixel is not white.
    const bar = chart.shapes.find((s) => s.kind === 'rect' && s.fill === 'solid' && s.label)!;
    const stride = chart.width * 3 + 1;
    const at = (bar.y + 2) * stride + 1 + 2 * 3;
    expect([rows[at], rows[at + 1], rows[at + 2]]).toEqual([0x1f, 0x51, 0x30]);
  });
});

describe('the report document', () => {
  it('is a .docx whose parts are strict XML, with each chart as SVG and PNG and a table after it', async () => {
    const files = unzipSync(await renderReportDocx(aView(), 'sv'));
    for (const [name, data] of Object.entries(files)) if (/\.(xml|rels)$/.test(name)) readXml(strFromU8(data), name);
    const media = Object.keys(files).filter((n) => n.startsWith('word/media/'));
    // Heat map, organisations, goals, actions: an SVG and its PNG fallback each.
    expect(media.filter((n) => n.endsWith('.svg'))).toHaveLength(4);
    expect(media.filter((n) => n.endsWith('.png'))).toHaveLength(4);
    const document = strFromU8(files['word/document.xml']!);
    expect(document.match(/<wp:docPr [^>]*descr="[^"]+"/g)).toHaveLength(4);
    const texts = readXml(document, 'document')
      .texts.map((t) => t.text)
      .join('\n');
    expect(texts).toContain('Rapport till Trollhättan Energi AB');
    expect(texts).toContain('Förslag och beslut per organisation');
    expect(texts).toContain('Totalt');
    // Every picture is followed by a table (its figures in words) before the next heading.
    const order = [...document.matchAll(/<w:drawing>|<w:tbl>|w:val="Heading2"/g)].map((x) => x[0]);
    order.forEach((tag, i) => {
      if (tag === '<w:drawing>') expect(order.slice(i + 1).find((t) => t !== '<w:drawing>')).toBe('<w:tbl>');
    });
  });

  it('stays well-formed with hostile names everywhere', async () => {
    // Every eighth string of the corpus: a document takes a while to pack (the charts above take them all).
    for (const name of hostile.filter((_, i) => i % 8 === 0)) {
      const files = unzipSync(await renderReportDocx(aView([name, `${name} B`, `${name} C`]), 'en'));
      for (const [part, data] of Object.entries(files)) {
        if (/\.(xml|rels|svg)$/.test(part)) readXml(strFromU8(data), `${part} with ${JSON.stringify(name)}`);
      }
    }
  });
});
