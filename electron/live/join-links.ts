/**
 * dreamboard://join links handed to the app by the operating system: in the first launch's argv
 * and a second launch's argv (Windows, Linux), or through macOS 'open-url'. Anything can put text
 * there (a web page, a chat message, a shortcut), so only what passes the same strict check as
 * parseJoinLink is kept, and at most a few per launch. Plain Node: unit-tested.
 */
import { MAX_WAITING_JOIN_LINKS, isForwardableJoinLink } from '../../shared/ipc/live-schemas';

/** A launch carries one link; a few more is an oddity, hundreds an attack. */
const MAX_LINKS_PER_LAUNCH = 4;

/**
 * The join links in a command line. argv[0] is the program; Chromium's switches and files are
 * skipped. The scheme is matched case-insensitively: some systems change the case of a URL.
 */
export function joinLinksInArgs(argv: readonly string[]): string[] {
  return argv
    .slice(1)
    .filter((arg) => /^dreamboard:/i.test(arg) && isForwardableJoinLink(arg))
    .slice(0, MAX_LINKS_PER_LAUNCH);
}

/** A URL from macOS 'open-url', or null when it is not a join link worth passing on. */
export function joinLinkFromUrl(url: unknown): string | null {
  return isForwardableJoinLink(url) ? url : null;
}

/** Where the app's windows are, as the inbox needs them (electron/main wires Electron's). */
export interface JoinLinkWindows {
  /** Our windows, the focused one first. */
  list(): number[];
  /** Tell the window's renderer to collect its links (it may not be listening yet; it collects on start). */
  notify(windowId: number): void;
  focus(windowId: number): void;
  /** Opens a window (macOS keeps the app running with none) and returns its id. */
  open(): number;
}

/**
 * Holds join links until a window's renderer collects them: the app may have been started by the
 * link, before any window existed or its page subscribed (the same pattern as files to open).
 */
export class JoinLinkInbox {
  private readonly waiting = new Map<number, string[]>();
  /** Links that arrived before any window existed; the first window to ask takes them. */
  private unassigned: string[] = [];
  private windows: JoinLinkWindows | null = null;

  /** Called once main's windows exist; links that came earlier stay unassigned until taken. */
  attach(windows: JoinLinkWindows): void {
    this.windows = windows;
  }

  /**
   * A link from the operating system: to the focused (or first) window, which is brought forward,
   * or to a new window when none is open. Before main's windows exist it waits unassigned.
   */
  receive(link: string): void {
    if (!isForwardableJoinLink(link)) return;
    const windows = this.windows;
    const target = windows === null ? undefined : (windows.list()[0] ?? windows.open());
    if (target === undefined) {
      this.unassigned = capped([...this.unassigned, link]);
      return;
    }
    this.waiting.set(target, capped([...(this.waiting.get(target) ?? []), link]));
    this.windows?.focus(target);
    this.windows?.notify(target);
  }

  /** The window's links, oldest first, and forgets them. */
  take(windowId: number): string[] {
    const taken = capped([...this.unassigned, ...(this.waiting.get(windowId) ?? [])]);
    this.unassigned = [];
    this.waiting.delete(windowId);
    return taken;
  }

  /** A closed window's links are dropped: a link is a question for a person, not a task. */
  forget(windowId: number): void {
    this.waiting.delete(windowId);
  }
}

const capped = (links: string[]): string[] => links.slice(-MAX_WAITING_JOIN_LINKS);
