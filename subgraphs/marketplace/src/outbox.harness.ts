import { type DomainEvent, newEvent, type Outbox } from "@venta/events";

/** A stand-in announcement carrying a label, so a test can tell which write recorded it. */
export const labelled = (label: string): DomainEvent =>
  newEvent("marketplace.user_registered", { userId: label, displayName: label, registeredAt: "" });

/** An `announce` that records the labelled event when `happened` says the write did something. */
export const announceIf =
  <R>(label: string, happened: (result: R) => boolean) =>
  (result: R): DomainEvent[] =>
    happened(result) ? [labelled(label)] : [];

/** An `announce` that records the labelled event whatever the outcome. */
export const announceAlways = (label: string) => (): DomainEvent[] => [labelled(label)];

/** The labels the outbox holds, in the order they were recorded. */
export async function recordedLabels(outbox: Outbox): Promise<string[]> {
  return (await outbox.oldest(1_000)).map((event) => (event.payload as { userId: string }).userId);
}

/** An `announce` that fails: the write must then not happen either. */
export const failingAnnounce = (): DomainEvent[] => {
  throw new Error("the announcement could not be made");
};
