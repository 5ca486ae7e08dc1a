/**
 * PGlite is one process's database: two processes on one data folder overwrite each other's
 * writes. A lock file beside the folder (`<dir>.lock`, holding the owner's pid) makes the second
 * one stop with a message instead. A lock left by a process that no longer runs is taken over.
 */
import { openSync, closeSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

export class DirectoryInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The data folder ${dir} is in use by another Arbetsrum (process ${pid}). Stop that one first (Ctrl-C), or set DATA_DIR to another folder.`,
    );
    this.name = 'DirectoryInUseError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock for `dir`; resolves to the function that gives it back. */
export function lockDirectory(dir: string): () => void {
  const lockFile = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to give back.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(lockFile, 'utf8').trim(), 10);
      if (Number.isInteger(owner) && (owner === process.pid || alive(owner))) throw new DirectoryInUseError(dir, owner);
      unlinkSync(lockFile); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${dir}`);
}
