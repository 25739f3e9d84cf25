// Fairness between everything that runs on the host's one JavaScript thread. Kernel calls are
// promises, so a busy guest (a fork bomb, a pipeline of fast programs) can keep the microtask
// queue full forever and starve timers, sockets and other VMs. The scheduler measures how long
// the current macrotask has run and makes kernel calls yield to the event loop once it has run
// longer than the slice.
//
// The slice starts at the first kernel call after the event loop last turned: that call also
// schedules a setImmediate whose firing proves the loop turned. Cost when not over the slice:
// one clock read per call and one setImmediate per macrotask.

const now = (): number => performance.now();
let sliceStart = 0;
let marked = false;
const clearMark = (): void => { marked = false; };

/** True when the current run of microtasks has held the thread longer than sliceMs. */
export function overSlice(sliceMs: number): boolean {
  if (!marked) {
    marked = true;
    sliceStart = now();
    setImmediate(clearMark);
    return false;
  }
  return now() - sliceStart >= sliceMs;
}

/** Lets the event loop run (timers, I/O, other VMs) before the caller continues. */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Starts fn in a microtask, or after a host turn when the slice is used up. */
export function schedule(fn: () => void, sliceMs: number): void {
  if (overSlice(sliceMs)) setImmediate(fn);
  else queueMicrotask(fn);
}
