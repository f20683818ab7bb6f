import { registerEnumType } from "type-graphql";

export const SupportTicketStateEnum = {
  OPEN: "OPEN",
  ASSIGNED: "ASSIGNED",
  PENDING: "PENDING",
  CLOSED: "CLOSED",
} as const;

registerEnumType(SupportTicketStateEnum, {
  name: "SupportTicketState",
  description: "Where a support ticket stands, and whose turn it is.",
  valuesConfig: {
    OPEN: { description: "Waiting for support; nobody is assigned yet." },
    ASSIGNED: { description: "Waiting for support; an admin owns it." },
    PENDING: { description: "Support answered: waiting for the person who opened it." },
    CLOSED: { description: "Done; replies are no longer taken (open a new ticket)." },
  },
});

export const SupportTicketCategoryEnum = {
  ACCOUNT: "ACCOUNT",
  PAYMENTS: "PAYMENTS",
  LOYALTY: "LOYALTY",
  VENDOR: "VENDOR",
  APP: "APP",
  OTHER: "OTHER",
} as const;

registerEnumType(SupportTicketCategoryEnum, {
  name: "SupportTicketCategory",
  description: "What a support ticket is about, so it reaches the right people.",
  valuesConfig: {
    ACCOUNT: { description: "Signing in, the profile, deleting the account." },
    PAYMENTS: { description: "Charges, refunds and receipts." },
    LOYALTY: { description: "Points, rewards and tiers." },
    VENDOR: { description: "A vendor: its listing, its food or an experience with it." },
    APP: { description: "The app itself: something does not work as it should." },
    OTHER: { description: "Anything else." },
  },
});

export const SupportReplyAuthorRoleEnum = { REQUESTER: "REQUESTER", SUPPORT: "SUPPORT" } as const;

registerEnumType(SupportReplyAuthorRoleEnum, {
  name: "SupportReplyAuthorRole",
  description: "Who wrote a reply to a support ticket.",
  valuesConfig: {
    REQUESTER: { description: "The person who opened the ticket." },
    SUPPORT: { description: "Venta support (an admin)." },
  },
});
