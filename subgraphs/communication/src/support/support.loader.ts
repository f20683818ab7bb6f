import DataLoader from "dataloader";
import type { TicketReplyPage, TicketsStore } from "./tickets.store.js";

export interface FirstRepliesKey {
  ticketId: string;
  first: number;
}

export interface SupportLoaders {
  /** The first page of each ticket's replies: a list of tickets reads them in one query. */
  firstReplies: DataLoader<FirstRepliesKey, TicketReplyPage, string>;
}

export function supportLoaders(tickets: TicketsStore): SupportLoaders {
  return {
    firstReplies: new DataLoader<FirstRepliesKey, TicketReplyPage, string>(
      async (keys) => {
        const bySize = new Map<number, string[]>();
        for (const key of keys) bySize.set(key.first, [...(bySize.get(key.first) ?? []), key.ticketId]);
        const pages = new Map<string, TicketReplyPage>();
        await Promise.all(
          [...bySize].map(async ([first, ids]) => {
            for (const [id, page] of await tickets.firstReplies(ids, first))
              pages.set(`${first} ${id}`, page);
          }),
        );
        return keys.map(
          (key) => pages.get(`${key.first} ${key.ticketId}`) ?? { records: [], hasNextPage: false },
        );
      },
      { cacheKeyFn: (key) => `${key.first} ${key.ticketId}`, maxBatchSize: 500 },
    ),
  };
}
