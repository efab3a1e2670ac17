// Milestones of this background start, in ms since the worker (or event
// page) started: `performance.now()` counts from there. The bench reads them
// after each wake (scripts/bench-wasm.mjs) to show where the time from wake
// to first verdict goes; each is set once, and costs one clock read.

/** `{script, evaluated, engine, lists, verdict}` as far as this start has got. */
export const wake = {};

/** Records milestone `name` the first time it is reached. */
export function mark(name) {
  wake[name] ??= performance.now();
}
