// Small helpers several features share (one copy each, issue 9).
export { contentHashOf, shortHash } from './content-hash.js';
export { recordHash } from './record-hash.js';
export { round2 } from './round2.js';
