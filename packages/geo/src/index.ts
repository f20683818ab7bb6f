export * from "./bounding-box.js";
export * from "./great-circle.js";
