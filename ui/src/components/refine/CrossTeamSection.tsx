//! What a story waits on from other teams: each item with its team, when it is needed (a
//! slice of this map or a date) and where the ask stands, changed in place; a new one added
//! below; and the warnings Rust judged (planned before the other team delivers, nothing
//! agreed in time).
import { useState } from "react";
import type { ExternalDependencyView } from "../../bindings/ExternalDependencyView";
import type { ExternalStatus } from "../../bindings/ExternalStatus";
import type { ReleaseView } from "../../bindings/ReleaseView";
import type { StoryView } from "../../bindings/StoryView";
import { PlusIcon, TrashIcon } from "../Icons";
import { WarningIcon } from "./RefineIcons";
import type { SendEdit } from "./send";
import { PanelSection } from "./StoryBasics";

const STATUSES: ReadonlyArray<{ value: ExternalStatus; label: string }> = [
  { value: "asked", label: "Asked" },
  { value: "agreed", label: "Agreed" },
  { value: "done", label: "Done" },
];

/** A slice's id or a date, in one picker: the slices, then "a date" (typed below it). */
const A_DATE = "date";

function NeededBy({ value, releases, label, onChange }: { value: string | null; releases: ReleaseView[]; label: string; onChange: (value: string | null) => void }) {
  const [pickingDate, setPickingDate] = useState(false);
  const isSlice = value !== null && releases.some((release) => release.id === value);
  // A date being picked shows the date field until one is chosen.
  const mode = pickingDate || (value !== null && !isSlice) ? A_DATE : (value ?? "");
  return (
    <span className="crossteam-needed">
      <select
        className="field-select is-compact"
        aria-label={`${label}: needed by`}
        data-testid="crossteam-needed"
        value={mode}
        onChange={(event) => {
          const next = event.target.value;
          setPickingDate(next === A_DATE);
          if (next !== A_DATE) onChange(next === "" ? null : next);
        }}
      >
        <option value="">Needed by: not known</option>
        {releases.map((release) => (
          <option key={release.id} value={release.id}>
            Needed by {release.title}
          </option>
        ))}
        <option value={A_DATE}>Needed by a date…</option>
      </select>
      {mode === A_DATE && (
        <input
          type="date"
          className="field-input is-compact"
          aria-label={`${label}: needed by date`}
          data-testid="crossteam-date"
          value={isSlice || value === null ? "" : value}
          onChange={(event) => {
            if (event.target.value !== "") onChange(event.target.value);
          }}
        />
      )}
    </span>
  );
}

function Row({ story, dependency, releases, send }: { story: StoryView; dependency: ExternalDependencyView; releases: ReleaseView[]; send: SendEdit }) {
  const update = (part: Partial<ExternalDependencyView>) => {
    const next = { ...dependency, ...part };
    void send({
      kind: "updateCrossTeamDependency",
      storyId: story.id,
      dependencyId: dependency.id,
      team: next.team,
      item: next.item,
      neededBy: next.neededBy,
      status: next.status,
    });
  };
  const label = `${dependency.team}: ${dependency.item}`;
  return (
    <li className={`crossteam-row is-${dependency.status}`} data-testid="crossteam-row" data-dependency-id={dependency.id}>
      <span className="crossteam-what">
        <span className="crossteam-team">{dependency.team}</span>
        <span className="crossteam-item">{dependency.item}</span>
      </span>
      <NeededBy
        value={dependency.neededBy}
        releases={releases}
        label={label}
        onChange={(neededBy) => {
          update({ neededBy });
        }}
      />
      <select
        className="field-select is-compact"
        aria-label={`${label}: status`}
        data-testid="crossteam-status"
        value={dependency.status}
        onChange={(event) => {
          update({ status: event.target.value as ExternalStatus });
        }}
      >
        {STATUSES.map((status) => (
          <option key={status.value} value={status.value}>
            {status.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="icon-button is-small is-danger"
        aria-label={`Take off ${label}`}
        onClick={() => {
          void send({ kind: "deleteCrossTeamDependency", storyId: story.id, dependencyId: dependency.id });
        }}
      >
        <TrashIcon size={14} />
      </button>
    </li>
  );
}

export function CrossTeamSection({ story, releases, send }: { story: StoryView; releases: ReleaseView[]; send: SendEdit }) {
  const [team, setTeam] = useState("");
  const [item, setItem] = useState("");
  const add = () => {
    if (team.trim() === "" || item.trim() === "") return;
    void send({ kind: "addCrossTeamDependency", storyId: story.id, team, item, neededBy: null, status: "asked" }).then((change) => {
      if (change !== null) {
        setTeam("");
        setItem("");
      }
    });
  };
  const warnings = story.refinement.crossTeamWarnings;
  return (
    <PanelSection title="Other teams">
      {warnings.length > 0 && (
        <ul className="crossteam-warnings" data-testid="crossteam-warnings">
          {warnings.map((warning) => (
            <li key={warning}>
              <WarningIcon size={13} /> {warning}
            </li>
          ))}
        </ul>
      )}
      {story.externalDependencies.length === 0 ? (
        <p className="field-help">Waiting on another team's item? Name the team and the item, and when it is needed.</p>
      ) : (
        <ul className="crossteam-list">
          {story.externalDependencies.map((dependency) => (
            <Row key={dependency.id} story={story} dependency={dependency} releases={releases} send={send} />
          ))}
        </ul>
      )}
      <form
        className="crossteam-add"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <input className="field-input" data-testid="crossteam-team" aria-label="Team" placeholder="Team (e.g. Payments)" value={team} onChange={(event) => { setTeam(event.target.value); }} />
        <input className="field-input" data-testid="crossteam-item" aria-label="Their item" placeholder="Their item (key or title)" value={item} onChange={(event) => { setItem(event.target.value); }} />
        <button type="submit" className="secondary-button" data-testid="crossteam-add" disabled={team.trim() === "" || item.trim() === ""}>
          <PlusIcon size={14} /> Add
        </button>
      </form>
    </PanelSection>
  );
}
