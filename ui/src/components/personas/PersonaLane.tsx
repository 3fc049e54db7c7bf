//! The persona lane above the backbone: who does each activity. Each cell is the activity's
//! persona (badge, name, goal) over a native picker, so a click or the keyboard changes it
//! in one edit; the corner opens the personas themselves. Drawn only once the map has
//! personas, so a map without them keeps its shape.
import { memo } from "react";
import type { ActivityView } from "../../bindings/ActivityView";
import type { MapEdit } from "../../bindings/MapEdit";
import type { PersonaView } from "../../bindings/PersonaView";
import { at, FIRST_STORY_COLUMN } from "../gridPlacement";
import { ChevronDownIcon, PlusIcon } from "../Icons";
import type { ColumnLayout } from "../../model/layout";
import { useReadOnly } from "../readOnly";
import { PersonaAvatar, personaById } from "./PersonaChip";
import { PersonIcon } from "./PersonaIcons";

export const PersonaLane = memo(function PersonaLane({
  layout,
  personas,
  trailingColumn,
  onEdit,
  onManage,
}: {
  layout: ColumnLayout;
  personas: readonly PersonaView[];
  trailingColumn: number;
  onEdit: (edit: MapEdit) => void;
  onManage: () => void;
}) {
  const readOnly = useReadOnly();
  return (
    <>
      <div className="corner corner-personas" style={at(1, 1)}>
        <PersonIcon size={14} className="corner-icon" />
        <span className="corner-label">Who</span>
        {!readOnly && (
          <button type="button" className="text-button corner-action" data-testid="lane-personas-manage" onClick={onManage}>
            Edit…
          </button>
        )}
      </div>
      {layout.spans.map((span) => (
        <PersonaCell
          key={span.activity.id}
          activity={span.activity}
          personas={personas}
          style={at(1, `${(FIRST_STORY_COLUMN + span.start).toString()} / span ${span.span.toString()}`)}
          readOnly={readOnly}
          onEdit={onEdit}
        />
      ))}
      <div className="persona-lane-end" style={at(1, trailingColumn)} aria-hidden="true" />
    </>
  );
});

function PersonaCell({
  activity,
  personas,
  style,
  readOnly,
  onEdit,
}: {
  activity: ActivityView;
  personas: readonly PersonaView[];
  style: React.CSSProperties;
  readOnly: boolean;
  onEdit: (edit: MapEdit) => void;
}) {
  const persona = personaById(personas, activity.personaId);
  return (
    <div
      className={persona ? "persona-lane-cell" : "persona-lane-cell is-empty"}
      style={style}
      data-testid="persona-lane-cell"
      data-activity-id={activity.id}
      data-persona-id={persona?.id ?? ""}
      title={persona?.goal ? `${persona.name}: ${persona.goal}` : undefined}
    >
      {persona ? (
        <>
          <PersonaAvatar persona={persona} />
          <span className="persona-lane-text">
            <span className="persona-lane-name">{persona.name}</span>
            {persona.goal !== "" && <span className="persona-lane-goal">{persona.goal}</span>}
          </span>
        </>
      ) : (
        <span className="persona-lane-ask">
          <PlusIcon size={12} /> Who does this?
        </span>
      )}
      {!readOnly && (
        <>
          <ChevronDownIcon size={14} className="persona-lane-caret" />
          <select
            className="persona-lane-select"
            data-testid="persona-lane-select"
            aria-label={`Who does '${activity.title}'`}
            value={persona?.id ?? ""}
            onChange={(event) => {
              const personaId = event.target.value === "" ? null : event.target.value;
              onEdit({ kind: "setActivityPersona", activityId: activity.id, personaId });
            }}
          >
            <option value="">No one named</option>
            {personas.map((each) => (
              <option key={each.id} value={each.id}>
                {each.name}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}
