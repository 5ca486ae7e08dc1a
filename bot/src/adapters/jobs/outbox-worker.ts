/**
 * Runs the outboxes in the background: publications, calendar syncs and timed-work plans that are due. A round
 * every `intervalMs`, and one at once when woken (a publish just committed). Rounds never
 * overlap in one process; between instances the rows' leases keep each piece of work to one.
 * The rows are in the database, so a restart simply carries on where the last process stopped.
 */
import type { Logger } from '../../app/ports/logger';
import type { WorkSignal } from '../../app/ports/publishing';

export interface OutboxRounds {
  runDuePublications(): Promise<number>;
  runDueCalendarSyncs(): Promise<number>;
  runDueTimedPlans(): Promise<number>;
}

export class OutboxWorker implements WorkSignal {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  private rounds: OutboxRounds | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs = 5_000,
  ) {}

  /** The use cases are made with this worker as their signal, so they arrive after it. */
  start(rounds: OutboxRounds): void {
    this.rounds = rounds;
    this.stopped = false;
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.round().finally(() => {
      this.running = null;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.wake();
      } else {
        this.timer = setTimeout(() => this.wake(), this.intervalMs);
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async round(): Promise<void> {
    const rounds = this.rounds;
    if (!rounds) return;
    try {
      // Keep going while there is more than one round's worth.
      while ((await rounds.runDuePublications()) > 0 && !this.stopped);
      while ((await rounds.runDueCalendarSyncs()) > 0 && !this.stopped);
      while ((await rounds.runDueTimedPlans()) > 0 && !this.stopped);
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'outbox round failed; trying again later');
    }
  }
}
