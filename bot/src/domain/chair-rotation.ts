/**
 * The two strategists take turns as chair (the group's charter). Rotation is a rule of the
 * group, so it lives here: given meetings in time order, each gets the other strategist than the
 * meeting before it.
 */
import { DomainError } from './errors';

export type ChairPair = readonly [string, string];

export function assertChairPair(strategistIds: readonly string[]): ChairPair {
  const [first, second, ...more] = [...new Set(strategistIds)];
  if (first === undefined || second === undefined || more.length > 0) {
    throw new DomainError(
      'chair.needs-two-strategists',
      `Chair rotation needs exactly two strategists, got ${new Set(strategistIds).size}`,
    );
  }
  return [first, second];
}

/** The strategist who chairs after `previousChair`; the first of the pair when there was none. */
export function nextChair(pair: ChairPair, previousChair: string | null): string {
  if (previousChair === pair[0]) return pair[1];
  if (previousChair === pair[1]) return pair[0];
  return pair[0];
}

/** Chairs for `count` meetings in time order, continuing after `previousChair`. */
export function rotateChairs(pair: ChairPair, count: number, previousChair: string | null): string[] {
  const chairs: string[] = [];
  let last = previousChair;
  for (let i = 0; i < count; i += 1) {
    last = nextChair(pair, last);
    chairs.push(last);
  }
  return chairs;
}
