import { shortcutSections } from './shortcut-list';
import { Dialog } from './Dialog';

/** The "?" sheet: every shortcut, the card-kind keys, the outline's keys and the mouse gestures. */
export function ShortcutSheet({ isMac, onClose }: { isMac: boolean; onClose: () => void }) {
  const sections = shortcutSections(isMac);
  return (
    <Dialog
      title="Keyboard shortcuts"
      description="Everything in Dreamboard can be done with the keyboard. Letter and number keys work when the board has focus."
      onClose={onClose}
      className="shortcut-sheet"
    >
      <div className="shortcut-columns" tabIndex={0} data-autofocus aria-label="Shortcut list">
        {sections.map((section) => (
          <section key={section.title} className="shortcut-section">
            <h3>{section.title}</h3>
            <table>
              <thead className="visually-hidden">
                <tr>
                  <th scope="col">What it does</th>
                  <th scope="col">Keys</th>
                </tr>
              </thead>
              <tbody>
                {section.rows.map((row) => (
                  <tr key={row.what}>
                    <th scope="row">{row.what}</th>
                    <td>
                      {row.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && <span className="or"> or </span>}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
