import { useEffect, useState } from 'react';
import { listTemplates } from '../../../shared/templates';
import { getPlatform } from '../../platform';
import type { RecentEntry } from '../../platform/types';
import { FileNotices } from '../files/FileNotices';
import { RecentList } from '../files/RecentList';
import { useFiles } from '../files/use-files';
import type { WorkshopFiles } from '../../app/workshop-files';
import { useLiveUi } from '../live/live-ui';

const RECOMMENDED = 'dream-service-model';

export interface StartScreenProps {
  readonly files: WorkshopFiles;
  readonly where: 'desktop' | 'browser';
}

/** Shown when no workshop is open: what Dreamboard is for, how to begin, and the workshops to go back to. */
export function StartScreen({ files, where }: StartScreenProps) {
  const templates = listTemplates();
  const busy = useFiles(files, (s) => s.busy);
  const problem = useFiles(files, (s) => s.problem);
  const [recent, setRecent] = useState<readonly RecentEntry[] | null>(null);
  const [listedAt, setListedAt] = useState(0);
  const [version, setVersion] = useState(0);
  const liveUi = useLiveUi();

  useEffect(() => {
    let live = true;
    void files.storage.recent().then((entries) => {
      if (!live) return;
      setRecent(entries);
      setListedAt(Date.now());
    });
    return () => {
      live = false;
    };
  }, [files, version]);

  // With no workshop open the workspace's key and menu handling is not there; Open still works.
  useEffect(() => {
    const openFile = () => void files.open(() => files.storage.openDialog());
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'o') {
        // Otherwise the browser would open the file itself, leaving Dreamboard.
        e.preventDefault();
        openFile();
      }
    };
    document.addEventListener('keydown', onKey);
    const stopMenu = getPlatform().onMenuAction((id) => {
      if (id === 'file.open') openFile();
      // Joining brings its workshop with it, so it needs none open; Settings never does.
      if (id === 'live.join') liveUi.set({ dialog: { kind: 'join', prefill: '' } });
      if (id === 'live.settings') liveUi.set({ dialog: { kind: 'settings', back: null } });
      // Hosting needs an open workshop: the dialog says so and offers Join instead.
      if (id === 'live.host') liveUi.set({ dialog: { kind: 'host' } });
    });
    return () => {
      document.removeEventListener('keydown', onKey);
      stopMenu();
    };
  }, [files, liveUi]);

  const forget =
    where === 'desktop'
      ? (id: RecentEntry['id']) => void files.storage.forgetRecent(id).then(() => setVersion((v) => v + 1))
      : undefined;

  return (
    <main className="start-screen" aria-labelledby="start-title" aria-busy={busy}>
      <div className="start-inner">
        <h1 id="start-title" className="start-title">
          Dreamboard
        </h1>
        <p className="start-lead">
          Design a public service together. Start from what matters to people and what is already strong, then
          plan who does what.
        </p>
        <FileNotices
          problem={problem}
          notice={null}
          onDismissProblem={() => files.dismissProblem()}
          onDismissNotice={() => {}}
        />
        {recent && recent.length > 0 && (
          <section className="start-section" aria-labelledby="recent-heading">
            <h2 id="recent-heading" className="start-heading">
              Carry on with a workshop
            </h2>
            <RecentList
              entries={recent}
              now={listedAt}
              disabled={busy}
              onOpen={(id) => void files.open(() => files.storage.openRecent(id))}
              onForget={forget}
            />
          </section>
        )}
        <section className="start-section" aria-labelledby="new-heading">
          <h2 id="new-heading" className="start-heading">
            Start a new workshop
          </h2>
          <p className="start-sub">
            Everyone in the room can add cards, connect ideas and agree next steps. Choose how to begin:
          </p>
          <ul className="template-list">
            {templates.map((t) => (
              <li key={t.id}>
                <button
                  type="button"
                  className={`template-choice ${t.id === RECOMMENDED ? 'recommended' : ''}`}
                  onClick={() => void files.create(t.id)}
                  disabled={busy}
                  aria-describedby={`template-desc-${t.id}`}
                >
                  <span className="template-name">
                    {t.name}
                    {t.id === RECOMMENDED && <span className="badge">Recommended</span>}
                  </span>
                  <span id={`template-desc-${t.id}`} className="template-description">
                    {t.description}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <div className="start-open">
          <button
            type="button"
            className="button"
            onClick={() => void files.open(() => files.storage.openDialog())}
            disabled={busy}
          >
            {where === 'browser' ? 'Import a .dreamboard file…' : 'Open a workshop file…'}
          </button>
          <span className="muted">or drag a .dreamboard file onto this window.</span>
        </div>
        <div className="start-open">
          <button
            type="button"
            className="button"
            onClick={() => liveUi.set({ dialog: { kind: 'join', prefill: '' } })}
            disabled={busy}
          >
            Join a live session…
          </button>
          <span className="muted">when a facilitator gives you a join code or link.</span>
        </div>
        <p className="start-note">
          {where === 'browser'
            ? 'Workshops you start here are kept in this browser on this computer, and saved as you work. Use “Save a copy” to keep a file.'
            : 'Your workshop is saved as you work, in a file on this computer.'}
        </p>
      </div>
    </main>
  );
}
