import { pino } from "pino";

/** A silent logger for the kit's own tests (the testing package depends on the kit, not the reverse). */
export const testLog = pino({ level: "silent" });
