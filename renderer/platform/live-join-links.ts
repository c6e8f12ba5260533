/**
 * Join links to the live UI's listeners. A link can arrive before anyone listens (the app was
 * started by clicking one), so links are held until the first listener and delivered once.
 */
const MAX_HELD = 8;

export class JoinLinkFanout {
  private readonly listeners = new Set<(link: string) => void>();
  private held: string[] = [];

  deliver(link: string): void {
    if (this.listeners.size === 0) {
      this.held = [...this.held, link].slice(-MAX_HELD);
      return;
    }
    for (const listener of [...this.listeners]) listener(link);
  }

  subscribe(listener: (link: string) => void): () => void {
    this.listeners.add(listener);
    const held = this.held;
    this.held = [];
    for (const link of held) listener(link);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
