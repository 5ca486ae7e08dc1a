/** Every benchmark case, in the order `npm run bench` runs and prints them (issue 9's numbering). */
import type { BenchCase } from '../types';
import { apiCase } from './api';
import { botTurnCase } from './bot-turn';
import { coldStartCase } from './cold-start';
import { fanOutCase } from './fan-out';
import { publishCase } from './publish';
import { tabCase } from './tab';

export const cases: readonly BenchCase[] = [botTurnCase, fanOutCase, publishCase, tabCase, apiCase, coldStartCase];
