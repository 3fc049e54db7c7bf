//! The team's refinement settings for the map: the Definition-of-Ready items (added, renamed,
//! removed), the point limit for "small enough", how many points each T-shirt size counts, and
//! what each status is called, and the team's capacity.
import { useState } from "react";
import type { MapSettingsView } from "../../bindings/MapSettingsView";
import { POINT_SCALE } from "../../model/refinement";
import { Dialog } from "../Dialog";
import { CapacitySettings } from "./CapacitySettings";
import { PlusIcon, TrashIcon } from "../Icons";
import type { SendEdit } from "./send";
import { StatusNamesSettings } from "./StatusNamesSettings";
import { TextField } from "./TextField";

const NUMERIC_POINTS = POINT_SCALE.filter((value) => value !== "0").map((value) => (value === "½" ? 0.5 : Number(value)));

function NumberField({ label, value, onCommit, testId }: { label: string; value: number; onCommit: (value: number) => void; testId?: string }) {
  return (
    <TextField
      label={label}
      value={value.toString()}
      testId={testId}
      className="is-number"
      onCommit={(text) => {
        const number = Number(text.replace(",", "."));
        if (text.trim() !== "" && Number.isFinite(number) && number >= 0) onCommit(number);
      }}
    />
  );
}

export function DorSettingsDialog({ settings, send, onClose }: { settings: MapSettingsView; send: SendEdit; onClose: () => void }) {
  const [newItem, setNewItem] = useState("");
  const add = () => {
    const text = newItem.trim();
    if (text === "") return;
    setNewItem("");
    void send({ kind: "addDorItem", text });
  };
  return (
    <Dialog
      title="Refinement settings"
      testId="dor-settings"
      wide
      onClose={onClose}
      footer={
        <button type="button" className="secondary-button" onClick={onClose}>
          Done
        </button>
      }
    >
      <h3 className="settings-heading">Definition of Ready</h3>
      <p className="dialog-note">
        A story is ready when it meets every item. Items marked “auto” are checked by the app; the others are ticked by hand
        on each story. Changes apply to the whole map and sync with it.
      </p>
      <ul className="dor-settings-list">
        {settings.definitionOfReady.map((item) => (
          <li key={item.id} className="dor-settings-item" data-testid="dor-item" data-item-id={item.id}>
            <TextField
              label={`Definition of Ready item: ${item.text}`}
              showLabel={false}
              value={item.text}
              required
              onCommit={(text) => {
                void send({ kind: "renameDorItem", itemId: item.id, text });
              }}
            />
            <span className={item.rule === null ? "dor-kind" : "dor-kind is-auto"}>{item.rule === null ? "by hand" : "auto"}</span>
            <button
              type="button"
              className="icon-button is-small is-danger"
              aria-label={`Remove '${item.text}' from the Definition of Ready`}
              onClick={() => {
                void send({ kind: "deleteDorItem", itemId: item.id });
              }}
            >
              <TrashIcon size={14} />
            </button>
          </li>
        ))}
      </ul>
      <div className="dor-add">
        <input
          type="text"
          className="field-input"
          data-testid="dor-new-item"
          data-autofocus
          aria-label="New Definition of Ready item"
          placeholder="New item, e.g. Mock-ups attached"
          value={newItem}
          onChange={(event) => {
            setNewItem(event.target.value);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="secondary-button" onClick={add} disabled={newItem.trim() === ""}>
          <PlusIcon size={14} /> Add
        </button>
      </div>
      <h3 className="settings-heading">Estimates</h3>
      <div className="settings-grid">
        <label className="field">
          <span className="field-label">Small enough for a sprint: at most</span>
          <select
            className="field-select"
            data-testid="small-limit"
            value={settings.smallLimit}
            onChange={(event) => {
              void send({ kind: "setSmallLimit", points: Number(event.target.value) });
            }}
          >
            {(NUMERIC_POINTS.includes(settings.smallLimit) ? NUMERIC_POINTS : [...NUMERIC_POINTS, settings.smallLimit]).map((points) => (
              <option key={points} value={points}>
                {points === 0.5 ? "½" : points} points
              </option>
            ))}
          </select>
        </label>
        <fieldset className="tshirt-table">
          <legend className="field-label">T-shirt sizes count as</legend>
          {settings.tshirtPoints.map((row) => (
            <NumberField
              key={row.size}
              label={row.size}
              value={row.points}
              testId="tshirt-points"
              onCommit={(points) => {
                void send({ kind: "setTShirtPoints", size: row.size, points });
              }}
            />
          ))}
        </fieldset>
      </div>
      <CapacitySettings settings={settings} send={send} />
      <StatusNamesSettings labels={settings.statusLabels} send={send} />
    </Dialog>
  );
}
