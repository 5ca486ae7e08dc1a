import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DirectoryInUseError, lockDirectory } from '../../../bot/src/adapters/storage/directory-lock';

describe('data folder lock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = path.join(await mkdtemp(path.join(tmpdir(), 'arbetsrum-lock-')), 'pglite');
  });
  afterEach(() => rm(path.dirname(dir), { recursive: true, force: true }));

  it('is held by one opener at a time and given back on release', async () => {
    const release = lockDirectory(dir);
    expect(await readFile(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    expect(() => lockDirectory(dir)).toThrow(DirectoryInUseError);
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
    lockDirectory(dir)();
  });

  it('refuses while another live process holds it, naming that process', async () => {
    await writeFile(`${dir}.lock`, String(process.ppid));
    expect(() => lockDirectory(dir)).toThrow(new RegExp(`in use by another Arbetsrum \\(process ${process.ppid}\\)`));
  });

  it('takes over a lock whose process is gone', async () => {
    await writeFile(`${dir}.lock`, '999999999');
    const release = lockDirectory(dir);
    expect(await readFile(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });
});
