/**
 * Every rule the domain enforces fails with a stable code. Adapters map the code to a card
 * message, an HTTP status or a log line; the message is for developers, never shown as-is.
 */
export type DomainErrorCode =
  | 'chair.needs-two-strategists'
  | 'year-plan.invalid-count'
  | 'year-plan.invalid-time'
  | 'time.invalid-local-time'
  | 'seed.invalid'
  | 'not-found';

export class DomainError extends Error {
  readonly code: DomainErrorCode;

  constructor(code: DomainErrorCode, message: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
  }
}
