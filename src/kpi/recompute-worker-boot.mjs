// Entry of the KPI recompute worker thread. Kaopu runs from TypeScript sources (tsx) in
// development and tests, and from a bundle in production whose modules still resolve files
// relative to their source; either way the worker loads its TypeScript entry through tsx's loader.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
