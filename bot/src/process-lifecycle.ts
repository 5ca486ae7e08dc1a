/**
 * The service process's two edges, beside main.ts: stopping cleanly on SIGTERM/SIGINT (App Service
 * and Ctrl-C), and saying in one line why a start failed, with what to do where there is something.
 */
import type { Logger } from './app/ports/logger';

/** Finishes the requests in flight, then exits; a second signal while stopping changes nothing. */
export function stopOnSignals(service: { close(): Promise<void> }, logger: Logger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing requests in flight');
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: String(error) }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** Why the start failed, for stderr: the ports to change, the folder in use, else the stack. */
export function startFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return `a port is already taken (${(error as Error).message}). Stop the program that uses it, or choose other ports with PORT, GRAPH_STAND_IN_PORT and PLAYGROUND_PORT.`;
  }
  if (error instanceof Error && error.name === 'DirectoryInUseError') return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
