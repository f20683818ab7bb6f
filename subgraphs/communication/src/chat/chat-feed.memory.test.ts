import { chatFeedContract } from "./chat-feed.contract.js";
import { MemoryChatFeed } from "./chat-feed.memory.js";

chatFeedContract("In-process", async () => {
  const feed = new MemoryChatFeed();
  return { publisher: feed, listener: feed };
});
