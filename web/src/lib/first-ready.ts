// The moment the first page of a visit has its data drawn (its <main data-ready="true">): work that can wait, such as
// loading the other pages' code, waits for it instead of competing with the first page's requests and rendering.

let ready = false;
const waiting: Array<() => void> = [];

/** Runs `task` once the first page is ready (at once if it already is). */
export function afterFirstPage(task: () => void): void {
  if (ready) task();
  else waiting.push(task);
}

/** Called by a page when it is ready; the first call runs what waited. */
export function firstPageReady(): void {
  if (ready) return;
  ready = true;
  for (const task of waiting.splice(0)) task();
}
