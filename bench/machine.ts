/** The machine the figures were measured on, read at run time: a figure means little without it. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
}

/** The distribution's own name (PRETTY_NAME), where Linux tells it. */
function distribution(): string | null {
  try {
    const line = readFileSync('/etc/os-release', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('PRETTY_NAME='));
    return line ? line.slice('PRETTY_NAME='.length).replace(/^"|"$/g, '') : null;
  } catch {
    return null;
  }
}

export function readMachine(): Machine {
  const cpus = os.cpus();
  const kernel = `${os.type()} ${os.release()} ${os.arch()}`;
  const distro = os.platform() === 'linux' ? distribution() : null;
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: distro ? `${distro}, ${kernel}` : kernel,
    node: process.version,
  };
}

export function describeMachine(machine: Machine): string {
  return `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB memory, ${machine.os}, Node.js ${machine.node}`;
}
