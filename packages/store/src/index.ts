export * from "./cursor.js";
export * from "./databases.js";
