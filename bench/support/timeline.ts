/** Where a page load's time went, from the page's own Navigation and Resource Timing entries. */

/** One entry of the page's timeline, in ms since navigation start. */
export interface TimelineEntry {
  name: string;
  start: number;
  end: number;
}

/** "scripts in by 291 ms, DOMContentLoaded at 687 ms, 3 API calls 843–1386 ms, first render 1425 ms". */
export function describeTimeline(timeline: readonly TimelineEntry[], firstRenderMs: number): string {
  const ms = (n: number): string => `${Math.round(n)} ms`;
  const scripts = timeline.filter((e) => e.name.split('?')[0]?.endsWith('.js'));
  const api = timeline.filter((e) => e.name.startsWith('/api/'));
  const dcl = timeline.find((e) => e.name === 'DOMContentLoaded');
  const parts: string[] = [];
  if (scripts.length > 0) parts.push(`${scripts.length} scripts in by ${ms(Math.max(...scripts.map((e) => e.end)))}`);
  if (dcl) parts.push(`DOMContentLoaded (scripts run) at ${ms(dcl.start)}`);
  if (api.length > 0) {
    const names = api.map((e) => e.name.split('?')[0]?.replace(/\/api\/groups\/[^/]+/, '/api/groups/…') ?? e.name);
    parts.push(
      `${api.length} API calls ${Math.round(Math.min(...api.map((e) => e.start)))}–${ms(Math.max(...api.map((e) => e.end)))} (${names.join(' → ')})`,
    );
  }
  parts.push(`first render at ${ms(firstRenderMs)}`);
  return parts.join(', ');
}
