import { useId } from 'react';
import { LIVE_SETTINGS_MESSAGES } from '../../live/live-settings';
import type { IceDraft } from './settings-form';

const LOGIN_PROBLEMS: readonly string[] = [
  LIVE_SETTINGS_MESSAGES.turnLogin,
  LIVE_SETTINGS_MESSAGES.iceLoginTooLong,
];

export interface SignalingRowsProps {
  readonly urls: readonly string[];
  readonly problems: readonly (string | null)[] | null;
  readonly max: number;
  readonly onChange: (urls: readonly string[]) => void;
}

const without = <T,>(list: readonly T[], index: number) => list.filter((_, i) => i !== index);

/**
 * After Add, focus goes to the new row's first box; after Remove (whose button goes away), to the
 * Add button, so focus never drops out of the dialog. A frame later: the rows re-render first.
 */
const focusLater = (elementId: string) =>
  requestAnimationFrame(() => document.getElementById(elementId)?.focus());

/** The list of signaling server addresses: one text box per server, with Remove and Add. */
export function SignalingRows({ urls, problems, max, onChange }: SignalingRowsProps) {
  const id = useId();
  return (
    <section className="live-settings-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="live-subheading">
        Signaling servers
      </h3>
      <p id={`${id}-about`} className="field-hint">
        Introduces computers to each other. It never sees the workshop. Needed for online sessions. For
        example: wss://signal.example.org
      </p>
      {urls.length === 0 && <p className="live-empty">None yet.</p>}
      <ol className="live-rows">
        {urls.map((url, i) => {
          const problem = problems?.[i] ?? null;
          return (
            <li key={i} className="live-row">
              <div className="field">
                <label className="field-label" htmlFor={`${id}-${i}`}>
                  Signaling server {i + 1}
                </label>
                <div className="live-input-row">
                  <input
                    id={`${id}-${i}`}
                    value={url}
                    spellCheck={false}
                    autoComplete="off"
                    aria-invalid={problem !== null}
                    aria-describedby={problem ? `${id}-about ${id}-${i}-error` : `${id}-about`}
                    onChange={(e) => onChange(urls.map((u, j) => (j === i ? e.target.value : u)))}
                  />
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      onChange(without(urls, i));
                      focusLater(`${id}-add`);
                    }}
                  >
                    Remove<span className="visually-hidden"> signaling server {i + 1}</span>
                  </button>
                </div>
                {problem && (
                  <span id={`${id}-${i}-error`} className="form-error live-field-error">
                    {problem}
                  </span>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {urls.length < max && (
        <button
          type="button"
          id={`${id}-add`}
          className="button"
          onClick={() => {
            onChange([...urls, '']);
            focusLater(`${id}-${urls.length}`);
          }}
        >
          Add a signaling server
        </button>
      )}
    </section>
  );
}

export interface IceServerRowsProps {
  readonly servers: readonly IceDraft[];
  readonly problems: readonly (string | null)[] | null;
  readonly max: number;
  readonly onChange: (servers: readonly IceDraft[]) => void;
}

/** STUN and TURN servers: address, user name and password (a password field) each. */
export function IceServerRows({ servers, problems, max, onChange }: IceServerRowsProps) {
  const id = useId();
  const edit = (i: number, patch: Partial<IceDraft>) =>
    onChange(servers.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <section className="live-settings-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="live-subheading">
        STUN and TURN servers
      </h3>
      <p className="field-hint">
        Help computers on different networks reach each other. A TURN server passes the connection on when a
        direct one is blocked; it cannot read it. For example: turn:turn.example.org:3478
      </p>
      {servers.length === 0 && <p className="live-empty">None yet.</p>}
      <ol className="live-rows">
        {servers.map((server, i) => {
          const problem = problems?.[i] ?? null;
          const describedBy = problem ? `${id}-${i}-error` : undefined;
          // The message is about the address or about the login: mark the fields it is about.
          const loginWrong = problem !== null && LOGIN_PROBLEMS.includes(problem);
          const addressWrong = problem !== null && !loginWrong;
          return (
            <li key={i} className="live-row live-ice-row">
              <fieldset>
                <legend className="field-label">STUN or TURN server {i + 1}</legend>
                <div className="live-ice-fields">
                  <div className="field live-ice-address">
                    <label htmlFor={`${id}-${i}-urls`}>Address</label>
                    <input
                      id={`${id}-${i}-urls`}
                      value={server.urls}
                      spellCheck={false}
                      autoComplete="off"
                      aria-invalid={addressWrong}
                      aria-describedby={describedBy}
                      onChange={(e) => edit(i, { urls: e.target.value })}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-${i}-user`}>User name</label>
                    <input
                      id={`${id}-${i}-user`}
                      value={server.username}
                      autoComplete="off"
                      spellCheck={false}
                      aria-invalid={loginWrong}
                      aria-describedby={describedBy}
                      onChange={(e) => edit(i, { username: e.target.value })}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-${i}-password`}>Password</label>
                    <input
                      id={`${id}-${i}-password`}
                      type="password"
                      value={server.credential}
                      autoComplete="off"
                      aria-invalid={loginWrong}
                      aria-describedby={describedBy}
                      onChange={(e) => edit(i, { credential: e.target.value })}
                    />
                  </div>
                  <button
                    type="button"
                    className="button live-remove"
                    onClick={() => {
                      onChange(without(servers, i));
                      focusLater(`${id}-add`);
                    }}
                  >
                    Remove<span className="visually-hidden"> STUN or TURN server {i + 1}</span>
                  </button>
                </div>
                {problem && (
                  <span id={`${id}-${i}-error`} className="form-error live-field-error">
                    {problem}
                  </span>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {servers.length < max && (
        <button
          type="button"
          id={`${id}-add`}
          className="button"
          onClick={() => {
            onChange([...servers, { urls: '', username: '', credential: '' }]);
            focusLater(`${id}-${servers.length}-urls`);
          }}
        >
          Add a STUN or TURN server
        </button>
      )}
    </section>
  );
}
