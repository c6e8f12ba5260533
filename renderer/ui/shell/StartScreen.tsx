import { listTemplates } from '../../../shared/templates';

const RECOMMENDED = 'dream-service-model';

/** Shown when no workshop is open: what Dreamboard is for, and how to begin. */
export function StartScreen({ onChoose }: { onChoose: (templateId: string) => void }) {
  const templates = listTemplates();
  return (
    <main className="start-screen" aria-labelledby="start-title">
      <div className="start-inner">
        <h1 id="start-title" className="start-title">
          Dreamboard
        </h1>
        <p className="start-lead">
          Design a public service together. Start from what matters to people and what is already strong, then plan
          who does what.
        </p>
        <p className="start-sub">Everyone in the room can add cards, connect ideas and agree next steps. Choose how to begin:</p>
        <h2 className="visually-hidden">Start a new workshop</h2>
        <ul className="template-list">
          {templates.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className={`template-choice ${t.id === RECOMMENDED ? 'recommended' : ''}`}
                onClick={() => onChoose(t.id)}
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
        <p className="start-note">Your workshop stays on this computer.</p>
      </div>
    </main>
  );
}
