/**
 * The log port: structured, leveled. Adapters and use cases log through it; only main.ts knows
 * which logger sits behind it. Never pass secrets or personal data in `fields`.
 */
export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}
