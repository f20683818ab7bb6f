export { AUSTIN, austinCity, demoId, seededRandom } from "./seed/austin.js";
