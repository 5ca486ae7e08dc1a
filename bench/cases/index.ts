/** Every benchmark case, in the order `npm run bench` runs and prints them. Issue 9 adds the rest here. */
import type { BenchCase } from '../types';
import { publishCase } from './publish';
import { tabCase } from './tab';

export const cases: readonly BenchCase[] = [publishCase, tabCase];
