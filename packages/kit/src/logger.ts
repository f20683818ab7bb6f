import { type Logger, pino } from "pino";
import pretty from "pino-pretty";

export type { Logger };

export interface LoggerOptions {
  level: string;
  format?: "json" | "pretty" | undefined;
}

/** Structured logs: JSON for machines, or one readable line per event when a person is watching. */
export function createLogger(service: string, { level, format }: LoggerOptions): Logger {
  const readable = format ? format === "pretty" : process.stdout.isTTY === true;
  const base = { service };
  if (!readable) return pino({ level, base });
  return pino(
    { level, base },
    pretty({
      colorize: process.stdout.isTTY === true || process.env.FORCE_COLOR !== undefined,
      translateTime: "HH:MM:ss.l",
      ignore: "pid,hostname,service",
      singleLine: true,
      sync: true,
    }),
  );
}
