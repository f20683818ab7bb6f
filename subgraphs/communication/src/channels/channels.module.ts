import type { CommunicationModule } from "../module.js";
import { type Channels, openChannels } from "./channels.js";

declare module "../module.js" {
  interface CommunicationServices {
    /** Email, SMS and push senders: the providers configured, or local stand-ins. */
    channels: Channels;
  }
}

/** The ways a notification reaches a person; notifications' delivery worker sends through them. */
export const channelsModule: CommunicationModule = {
  name: "channels",
  services: (_stores, { config, log }) => ({ channels: openChannels(config, log) }),
};
