//! The story's PI objective: a picker of the map's objectives (or none) in the story details,
//! with the way to the objectives themselves beside it.
import type { ObjectiveView } from "../../bindings/ObjectiveView";
import type { StoryView } from "../../bindings/StoryView";
import type { SendEdit } from "./send";

/** "Faster checkout · committed · value 8", as pickers and lists name an objective. */
export function objectiveName(objective: ObjectiveView): string {
  return `${objective.title} · ${objective.committed ? "committed" : "stretch"} · value ${objective.businessValue.toString()}`;
}

export function ObjectiveSelect({
  story,
  objectives,
  send,
  onManage,
}: {
  story: StoryView;
  objectives: ObjectiveView[];
  send: SendEdit;
  onManage: () => void;
}) {
  const current = story.objectiveId ?? "";
  return (
    <div className="field is-row objective-pick">
      <label className="field-label" htmlFor={`objective-${story.id}`}>
        Objective
      </label>
      <select
        id={`objective-${story.id}`}
        className="field-select"
        data-testid="panel-objective"
        value={current}
        onChange={(event) => {
          const objectiveId = event.target.value === "" ? null : event.target.value;
          void send({ kind: "alignStory", storyId: story.id, objectiveId });
        }}
      >
        <option value="">{objectives.length === 0 ? "No objectives yet" : "None"}</option>
        {objectives.map((objective) => (
          <option key={objective.id} value={objective.id}>
            {objectiveName(objective)}
          </option>
        ))}
      </select>
      <button type="button" className="text-button" data-testid="panel-objectives-manage" onClick={onManage}>
        {objectives.length === 0 ? "Add objectives…" : "Edit…"}
      </button>
    </div>
  );
}
