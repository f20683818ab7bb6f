export * from "./eventually.js";
export * from "./free-port.js";
export * from "./graphql-client.js";
export * from "./prometheus-text.js";
export * from "./services.js";
export * from "./silent-logger.js";
export * from "./stack.js";
