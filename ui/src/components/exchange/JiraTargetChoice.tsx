//! Where a Jira import goes: a new map (named after the file, editable) or the open map, whose
//! stories are updated by issue key.
import { useId } from "react";
import { MapsIcon, PlusIcon } from "../Icons";

export type TargetKind = "newMap" | "existingMap";

export interface JiraTargetChoiceProps {
  kind: TargetKind;
  name: string;
  /** The open map's name; `null` when no map is open (only a new map is offered). */
  openMapName: string | null;
  onKind: (kind: TargetKind) => void;
  onName: (name: string) => void;
}

export function JiraTargetChoice({ kind, name, openMapName, onKind, onName }: JiraTargetChoiceProps) {
  const group = useId();
  const option = (value: TargetKind, title: React.ReactNode, hint: string, icon: React.ReactNode, disabled = false) => {
    const chosen = kind === value;
    const classes = ["choice-card", chosen && "is-chosen", disabled && "is-disabled"].filter(Boolean).join(" ");
    return (
      <label className={classes} data-testid="jira-target" data-kind={value}>
        <input
          type="radio"
          name={group}
          className="choice-radio"
          checked={chosen}
          disabled={disabled}
          data-autofocus={chosen ? "" : undefined}
          onChange={() => {
            onKind(value);
          }}
        />
        <span className="choice-icon" aria-hidden="true">
          {icon}
        </span>
        <span className="choice-text">
          <span className="choice-title">{title}</span>
          <span className="choice-hint">{hint}</span>
        </span>
      </label>
    );
  };

  return (
    <fieldset className="jira-target">
      <legend className="exchange-heading">Import into</legend>
      <div className="jira-target-options">
        {option("newMap", "A new map", "Epics become activities; stories hang under them.", <PlusIcon size={18} />)}
        {option(
          "existingMap",
          openMapName === null ? "The open map" : <>The open map, <q>{openMapName}</q></>,
          "Update the open map by issue key: stories it has are updated, new ones added.",
          <MapsIcon size={18} />,
          openMapName === null,
        )}
      </div>
      {kind === "newMap" && (
        <label className="field">
          <span className="field-label">Name of the new map</span>
          <input
            type="text"
            className="field-input"
            data-testid="jira-map-name"
            value={name}
            onChange={(event) => {
              onName(event.target.value);
            }}
          />
        </label>
      )}
    </fieldset>
  );
}
