//! Shown while a map has no activities: invites the first one.
import { useImperativeHandle, useState } from "react";
import type { MapEdit } from "../bindings/MapEdit";
import { AddInline } from "./AddInline";
import type { MapKeysHandle } from "./MapGrid";

export function EmptyMap({
  mapName,
  onEdit,
  ref,
}: {
  mapName: string;
  onEdit: (edit: MapEdit) => void;
  ref?: React.Ref<MapKeysHandle>;
}) {
  const [adding, setAdding] = useState(false);
  useImperativeHandle(
    ref,
    () => ({
      shortcut: (id) => {
        if (id !== "addActivity") return false;
        setAdding(true);
        return true;
      },
      fitZoom: () => 1,
    }),
    [],
  );
  return (
    <section className="empty-map" aria-labelledby="empty-map-title">
      <div className="empty-card">
        <EmptyIllustration />
        <p className="empty-eyebrow">{mapName}</p>
        <h2 id="empty-map-title">Start with the backbone</h2>
        <p>
          Name the big things people do with your product, left to right: the activities. Then
          break each one into steps and slice the stories into releases.
        </p>
        <p className="empty-keys">
          Keyboard: <kbd>A</kbd> adds an activity, <kbd>S</kbd> steps, <kbd>R</kbd> a slice, <kbd>N</kbd> a story ·{" "}
          <kbd>?</kbd> lists every shortcut
        </p>
        <AddInline
          buttonText="Add the first activity"
          buttonLabel="Add the first activity"
          buttonClassName="primary-button"
          buttonTestId="add-activity"
          open={adding}
          onOpenChange={setAdding}
          inputLabel="First activity title"
          placeholder="For example: Discover products"
          inputClassName="empty-input"
          onSubmit={(title) => {
            onEdit({ kind: "addActivity", title });
          }}
        />
      </div>
    </section>
  );
}

function EmptyIllustration() {
  return (
    <svg className="empty-illustration" width="176" height="96" viewBox="0 0 176 96" aria-hidden="true" focusable="false">
      <rect x="4" y="4" width="52" height="14" rx="4" className="ill-a" />
      <rect x="62" y="4" width="52" height="14" rx="4" className="ill-b" />
      <rect x="120" y="4" width="52" height="14" rx="4" className="ill-c" />
      <g className="ill-card">
        <rect x="4" y="26" width="52" height="16" rx="4" />
        <rect x="62" y="26" width="52" height="16" rx="4" />
        <rect x="120" y="26" width="52" height="16" rx="4" />
        <rect x="4" y="46" width="52" height="16" rx="4" />
        <rect x="120" y="46" width="52" height="16" rx="4" />
        <rect x="62" y="74" width="52" height="16" rx="4" />
      </g>
      <path d="M0 68h176" className="ill-rule" />
    </svg>
  );
}
