/** Lets queued microtasks and zero-delay timers run (fake calls advance in them). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
