//! The map's PI objectives: each with its title, business value and committed or stretch, in
//! the team's order (moved up and down by button, so the keyboard reaches it), and a new one
//! added last. Every control sends its edit at once; Rust checks each and a refused one comes
//! back as a toast saying why.
import { useState } from "react";
import type { ObjectiveView } from "../../bindings/ObjectiveView";
import { BUSINESS_VALUE_SCALE, OBJECTIVES_MAX } from "../../bindings/rules";
import { Dialog } from "../Dialog";
import { ChevronDownIcon, PlusIcon, TrashIcon } from "../Icons";
import type { SendEdit } from "./send";
import { TextField } from "./TextField";

function ValueSelect({ value, label, onChange, testId }: { value: number; label: string; onChange: (value: number) => void; testId: string }) {
  return (
    <select
      className="field-select is-compact"
      aria-label={label}
      data-testid={testId}
      value={value}
      onChange={(event) => {
        onChange(Number(event.target.value));
      }}
    >
      {BUSINESS_VALUE_SCALE.map((v) => (
        <option key={v} value={v}>
          Value {v}
        </option>
      ))}
    </select>
  );
}

function KindSelect({ committed, label, onChange, testId }: { committed: boolean; label: string; onChange: (committed: boolean) => void; testId: string }) {
  return (
    <select
      className="field-select is-compact"
      aria-label={label}
      data-testid={testId}
      value={committed ? "committed" : "stretch"}
      onChange={(event) => {
        onChange(event.target.value === "committed");
      }}
    >
      <option value="committed">Committed</option>
      <option value="stretch">Stretch</option>
    </select>
  );
}

function ObjectiveRow({ objective, index, count, send }: { objective: ObjectiveView; index: number; count: number; send: SendEdit }) {
  const update = (part: Partial<Pick<ObjectiveView, "title" | "businessValue" | "committed">>) => {
    const next = { ...objective, ...part };
    void send({
      kind: "updateObjective",
      objectiveId: objective.id,
      title: next.title,
      businessValue: next.businessValue,
      committed: next.committed,
    });
  };
  const move = (to: number) => {
    void send({ kind: "moveObjective", objectiveId: objective.id, to });
  };
  return (
    <li className="objective-row" data-testid="objective-row" data-objective-id={objective.id}>
      <span className="objective-position" aria-hidden="true">
        {index + 1}
      </span>
      <TextField
        label={`Objective ${(index + 1).toString()}: ${objective.title}`}
        showLabel={false}
        value={objective.title}
        required
        testId="objective-title"
        onCommit={(title) => {
          update({ title });
        }}
      />
      <ValueSelect
        value={objective.businessValue}
        label={`Business value of '${objective.title}'`}
        testId="objective-value"
        onChange={(businessValue) => {
          update({ businessValue });
        }}
      />
      <KindSelect
        committed={objective.committed}
        label={`'${objective.title}' is committed or stretch`}
        testId="objective-kind"
        onChange={(committed) => {
          update({ committed });
        }}
      />
      <span className="objective-moves">
        <button
          type="button"
          className="icon-button is-small is-up"
          aria-label={`Move '${objective.title}' up`}
          disabled={index === 0}
          onClick={() => {
            move(index - 1);
          }}
        >
          <ChevronDownIcon size={14} />
        </button>
        <button
          type="button"
          className="icon-button is-small"
          aria-label={`Move '${objective.title}' down`}
          data-testid="objective-down"
          disabled={index === count - 1}
          onClick={() => {
            move(index + 1);
          }}
        >
          <ChevronDownIcon size={14} />
        </button>
      </span>
      <button
        type="button"
        className="icon-button is-small is-danger"
        aria-label={`Delete objective '${objective.title}'`}
        data-testid="objective-delete"
        onClick={() => {
          void send({ kind: "deleteObjective", objectiveId: objective.id });
        }}
      >
        <TrashIcon size={14} />
      </button>
    </li>
  );
}

export function ObjectivesDialog({ objectives, send, onClose }: { objectives: ObjectiveView[]; send: SendEdit; onClose: () => void }) {
  const [title, setTitle] = useState("");
  const [businessValue, setBusinessValue] = useState(5);
  const [committed, setCommitted] = useState(true);
  const full = objectives.length >= OBJECTIVES_MAX;
  const add = () => {
    if (title.trim() === "" || full) return;
    setTitle("");
    void send({ kind: "addObjective", title: title.trim(), businessValue, committed });
  };
  return (
    <Dialog
      title="PI objectives"
      testId="objectives-dialog"
      wide
      onClose={onClose}
      footer={
        <button type="button" className="secondary-button" onClick={onClose}>
          Done
        </button>
      }
    >
      <p className="dialog-note">
        What this planning interval's work is for, most important first. Align stories to one in the story details; the
        backlog groups and filters by objective and shows how much of each is ready. Changes sync with the map.
      </p>
      {objectives.length === 0 ? (
        <p className="objectives-empty">No objectives yet. Add the first one below.</p>
      ) : (
        <ol className="objective-list" aria-label="PI objectives">
          {objectives.map((objective, index) => (
            <ObjectiveRow key={objective.id} objective={objective} index={index} count={objectives.length} send={send} />
          ))}
        </ol>
      )}
      <div className="objective-add">
        <input
          type="text"
          className="field-input"
          data-testid="objective-new-title"
          data-autofocus
          aria-label="New objective"
          placeholder="New objective, e.g. Checkout in under a minute"
          value={title}
          onChange={(event) => {
            setTitle(event.target.value);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              add();
            }
          }}
        />
        <ValueSelect value={businessValue} label="Business value of the new objective" testId="objective-new-value" onChange={setBusinessValue} />
        <KindSelect committed={committed} label="The new objective is committed or stretch" testId="objective-new-kind" onChange={setCommitted} />
        <button type="button" className="secondary-button" data-testid="objective-add" onClick={add} disabled={title.trim() === "" || full}>
          <PlusIcon size={14} /> Add
        </button>
      </div>
      {full && <p className="field-help">A map holds at most {OBJECTIVES_MAX} objectives; delete one to add another.</p>}
    </Dialog>
  );
}
