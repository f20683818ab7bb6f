export * from "./bounding-box.js";
export * from "./cursor.js";
export * from "./great-circle.js";
