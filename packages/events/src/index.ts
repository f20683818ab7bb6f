export * from "./catalogue.js";
export * from "./event-bus.js";
export * from "./open-event-bus.js";
export * from "./open-hours.js";
export * from "./redis-event-bus.js";
export * from "./sqlite-event-bus.js";
