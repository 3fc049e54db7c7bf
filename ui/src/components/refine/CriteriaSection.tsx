//! Acceptance criteria: an ordered list to tick, edit (plain text or Given / When / Then),
//! reorder by dragging or Alt+↑/↓, and delete; a box below adds one criterion per line.
import { closestCenter, DndContext, PointerSensor, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useState } from "react";
import type { AcceptanceCriterionView } from "../../bindings/AcceptanceCriterionView";
import type { StoryView } from "../../bindings/StoryView";
import { criterionStepIndex } from "../../model/refinement";
import { TrashIcon } from "../Icons";
import { GripIcon } from "./RefineIcons";
import { PanelSection } from "./StoryBasics";
import type { SendEdit } from "./send";
import { TextField } from "./TextField";

function CriterionRow({
  story,
  criterion,
  index,
  send,
  onMove,
}: {
  story: StoryView;
  criterion: AcceptanceCriterionView;
  index: number;
  send: SendEdit;
  onMove: (criterionId: string, delta: -1 | 1) => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: criterion.id,
  });
  const hasForm = criterion.given !== "" || criterion.when !== "" || criterion.then !== "";
  const [showForm, setShowForm] = useState(hasForm);
  const update = (part: Partial<Pick<AcceptanceCriterionView, "text" | "given" | "when" | "then">>) => {
    void send({
      kind: "updateCriterion",
      storyId: story.id,
      criterionId: criterion.id,
      text: criterion.text,
      given: criterion.given,
      when: criterion.when,
      then: criterion.then,
      ...part,
    });
  };
  let className = "criterion";
  if (criterion.done) className += " is-done";
  if (isDragging) className += " is-dragging";
  return (
    <li
      ref={setNodeRef}
      className={className}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-testid="criterion"
      data-criterion-id={criterion.id}
      onKeyDown={(event) => {
        if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
          event.preventDefault();
          event.stopPropagation();
          onMove(criterion.id, event.key === "ArrowUp" ? -1 : 1);
        }
      }}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="drag-handle"
        {...attributes}
        {...listeners}
        aria-label={`Criterion ${(index + 1).toString()}: drag, or Alt+↑ / Alt+↓, to reorder`}
        title="Drag to reorder (Alt+↑ / Alt+↓)"
      >
        <GripIcon size={14} />
      </button>
      <input
        type="checkbox"
        className="criterion-done"
        aria-label={`Done: ${criterion.text}`}
        checked={criterion.done}
        onChange={(event) => {
          void send({ kind: "setCriterionDone", storyId: story.id, criterionId: criterion.id, done: event.target.checked });
        }}
      />
      <div className="criterion-body">
        <TextField
          label={`Criterion ${(index + 1).toString()}`}
          showLabel={false}
          testId="criterion-text"
          value={criterion.text}
          required
          multiline
          rows={1}
          onCommit={(text) => {
            update({ text });
          }}
        />
        {showForm && (
          <div className="gwt">
            <TextField label="Given" value={criterion.given} placeholder="the starting situation" className="is-inline" onCommit={(given) => { update({ given }); }} />
            <TextField label="When" value={criterion.when} placeholder="the user does" className="is-inline" onCommit={(when) => { update({ when }); }} />
            <TextField label="Then" value={criterion.then} placeholder="what we see" className="is-inline" onCommit={(then) => { update({ then }); }} />
          </div>
        )}
      </div>
      <div className="criterion-actions">
        <button
          type="button"
          className="text-button"
          aria-expanded={showForm}
          title="Given / When / Then"
          onClick={() => {
            setShowForm(!showForm);
          }}
        >
          G/W/T
        </button>
        <button
          type="button"
          className="icon-button is-small is-danger"
          aria-label={`Delete criterion: ${criterion.text}`}
          title="Delete"
          onClick={() => {
            void send({ kind: "deleteCriterion", storyId: story.id, criterionId: criterion.id });
          }}
        >
          <TrashIcon size={14} />
        </button>
      </div>
    </li>
  );
}

export function AddCriteria({ story, send }: { story: StoryView; send: SendEdit }) {
  const [draft, setDraft] = useState("");
  const add = (text: string) => {
    if (text.trim() === "") return;
    setDraft("");
    void send({ kind: "addCriteria", storyId: story.id, text });
  };
  return (
    <div className="add-criteria">
      <textarea
        className="field-textarea"
        data-testid="criteria-input"
        aria-label="Add acceptance criteria, one per line"
        placeholder="Add a criterion, then Enter. Paste a list to add every line."
        rows={2}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
        }}
        onPaste={(event) => {
          const pasted = event.clipboardData.getData("text");
          if (!/\r?\n/.test(pasted.trim())) return;
          event.preventDefault();
          add(draft.trim() === "" ? pasted : `${draft}\n${pasted}`);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey) {
            event.preventDefault();
            add(draft);
          }
        }}
      />
      <p className="field-help">Enter adds · Shift+Enter starts a new line · each line becomes a criterion</p>
    </div>
  );
}

export function CriteriaSection({ story, send }: { story: StoryView; send: SendEdit }) {
  const criteria = story.acceptanceCriteria;
  const ids = criteria.map((criterion) => criterion.id);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const move = (criterionId: string, toIndex: number) => {
    void send({ kind: "moveCriterion", storyId: story.id, criterionId, toIndex });
  };
  const onMove = (criterionId: string, delta: -1 | 1) => {
    const toIndex = criterionStepIndex(ids, criterionId, delta);
    if (toIndex === null) return;
    move(criterionId, toIndex);
    // Keep the keyboard on the row as it moves.
    requestAnimationFrame(() => {
      document
        .querySelector<HTMLElement>(`[data-testid="criterion"][data-criterion-id="${criterionId.replace(/["\\]/g, "\\$&")}"] .drag-handle`)
        ?.focus();
    });
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const toIndex = ids.indexOf(String(over.id));
    if (toIndex !== -1) move(String(active.id), toIndex);
  };
  const done = criteria.filter((criterion) => criterion.done).length;
  return (
    <PanelSection
      title="Acceptance criteria"
      aside={criteria.length > 0 && <span className="section-count">{`${done.toString()} of ${criteria.length.toString()} done`}</span>}
    >
      {criteria.length === 0 ? (
        <p className="field-help">No criteria yet: how will the team know it is done?</p>
      ) : (
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            <ol className="criteria-list">
              {criteria.map((criterion, index) => (
                <CriterionRow key={criterion.id} story={story} criterion={criterion} index={index} send={send} onMove={onMove} />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
      <AddCriteria story={story} send={send} />
    </PanelSection>
  );
}
