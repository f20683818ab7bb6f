/** What an error tracker is told about an unexpected error: never tokens or personal data. */
export interface UnexpectedErrorReport {
  requestId: string | undefined;
  service: string | undefined;
}

export type ErrorReporter = (error: unknown, report: UnexpectedErrorReport) => void;

let reporter: ErrorReporter | undefined;

/** Where unexpected errors go besides the log (Sentry, when `SENTRY_DSN` is set); one per process. */
export function setErrorReporter(next: ErrorReporter | undefined): void {
  reporter = next;
}

/** Hands an unexpected error (a fault of ours, logged as such) to the error tracker, if any. */
export function reportUnexpectedError(error: unknown, report: UnexpectedErrorReport): void {
  reporter?.(error, report);
}
