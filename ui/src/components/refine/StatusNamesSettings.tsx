//! The refinement settings' "Status names": what the team calls each status on this map. A name
//! saves on blur or Enter; "Reset" (or an emptied field) gives the status its default name back.
import type { StatusLabelView } from "../../bindings/StatusLabelView";
import { DEFAULT_STATUS_NAMES, STATUS_NAME_MAX, statusNames, STATUSES } from "../../model/labels";
import type { SendEdit } from "./send";
import { TextField } from "./TextField";

export function StatusNamesSettings({ labels, send }: { labels: readonly StatusLabelView[]; send: SendEdit }) {
  const names = statusNames(labels);
  return (
    <section className="settings-section" aria-labelledby="status-names-heading">
      <h3 id="status-names-heading" className="settings-heading">
        Status names
      </h3>
      <p className="dialog-note">
        Call each status what your team calls it: cards, the story details, the backlog and search use these names. The
        workflow and its order stay the same.
      </p>
      <ul className="status-names">
        {STATUSES.map((status) => {
          const standard = DEFAULT_STATUS_NAMES[status];
          const renamed = names[status] !== standard;
          return (
            <li key={status} className="status-name-row" data-testid="status-name" data-status={status}>
              <span className={`status-pill is-${status}`} title={`The status known by default as '${standard}'`}>
                <span className="status-dot" aria-hidden="true" />
                {standard}
              </span>
              <TextField
                label={`Name for the status '${standard}'`}
                showLabel={false}
                value={names[status]}
                placeholder={standard}
                maxLength={STATUS_NAME_MAX}
                testId="status-label-input"
                data={{ "data-status": status }}
                onCommit={(text) => {
                  // An emptied field is a reset, as the core reads an empty name.
                  void send({ kind: "setStatusLabel", status, label: text.trim() });
                }}
              />
              <button
                type="button"
                className="text-button"
                data-testid="status-label-reset"
                data-status={status}
                disabled={!renamed}
                aria-label={`Reset '${names[status]}' to the default name '${standard}'`}
                title={renamed ? `Back to '${standard}'` : "Already the default name"}
                onClick={() => {
                  void send({ kind: "setStatusLabel", status, label: "" });
                }}
              >
                Reset
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
