//! The `?` dialog: every keyboard shortcut, straight from the shortcut table.
import { SHORTCUTS, type Shortcut } from "../model/shortcuts";
import { Dialog } from "./Dialog";

const GROUPS: ReadonlyArray<Shortcut["group"]> = ["Map", "Edit", "View"];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      testId="shortcuts-dialog"
      wide
      onClose={onClose}
      footer={
        <button type="button" className="secondary-button" data-autofocus onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="shortcut-groups">
        {GROUPS.map((group) => (
          <section key={group} className="shortcut-group" aria-label={group}>
            <h3>{group}</h3>
            <dl>
              {SHORTCUTS.filter((shortcut) => shortcut.group === group).map((shortcut) => (
                <div key={shortcut.id} className="shortcut-row">
                  <dt>
                    {shortcut.keys.split(" / ").map((keys) => (
                      <kbd key={keys}>{keys}</kbd>
                    ))}
                  </dt>
                  <dd>{shortcut.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="dialog-note">Shortcuts wait while you type in a field. On macOS, ⌘ works for Ctrl.</p>
    </Dialog>
  );
}
