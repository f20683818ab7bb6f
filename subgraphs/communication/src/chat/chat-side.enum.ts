import { registerEnumType } from "type-graphql";

export const ChatSideEnum = { CUSTOMER: "CUSTOMER", VENDOR: "VENDOR" } as const;

registerEnumType(ChatSideEnum, {
  name: "ChatSide",
  description: "A side of a conversation: the customer, or the vendor speaking through its owner account.",
  valuesConfig: {
    CUSTOMER: { description: "The customer who started the conversation." },
    VENDOR: { description: "The vendor, answered by the account that owns it." },
  },
});
