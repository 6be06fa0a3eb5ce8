export { createRng, RandomStream, stream } from "./random-stream.js";
