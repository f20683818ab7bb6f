export * from "./free-port.js";
export * from "./services.js";
export * from "./silent-logger.js";
