/** A tiny observable value. Views subscribe with a selector; see ui/hooks.ts. */
export class Store<T extends object> {
  private listeners = new Set<(state: T) => void>();
  constructor(private state: T) {}

  get(): T {
    return this.state;
  }

  set(patch: Partial<T> | ((s: T) => Partial<T>)): void {
    const next = typeof patch === 'function' ? patch(this.state) : patch;
    let changed = false;
    for (const k of Object.keys(next) as (keyof T)[]) if (next[k] !== this.state[k]) changed = true;
    if (!changed) return;
    this.state = { ...this.state, ...next };
    for (const l of this.listeners) l(this.state);
  }

  subscribe(listener: (state: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
