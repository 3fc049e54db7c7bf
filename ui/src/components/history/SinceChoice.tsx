//! Where "what changed" starts: the last sync, the last opening, the last refinement
//! session's start, or a chosen date.
import { useState } from "react";
import type { ChangesSince } from "../../bindings/ChangesSince";
import { isoDay } from "../../model/time";

const CHOICES: ReadonlyArray<{ kind: ChangesSince["kind"]; label: string }> = [
  { kind: "lastSync", label: "Since my last sync" },
  { kind: "lastOpened", label: "Since I last opened it" },
  { kind: "lastSession", label: "Since the last session" },
  { kind: "date", label: "Since a date" },
];

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export function SinceChoice({ since, onSince }: { since: ChangesSince; onSince: (since: ChangesSince) => void }) {
  // The date offered first is a week ago; kept while switching between the choices.
  const [date, setDate] = useState(() => (since.kind === "date" ? since.date : isoDay(new Date(Date.now() - WEEK_MS))));
  return (
    <div className="since-choice">
      <div className="view-switch since-switch" role="group" aria-label="Show changes">
        {CHOICES.map((choice) => (
          <button
            key={choice.kind}
            type="button"
            data-testid="changes-since"
            data-since={choice.kind}
            aria-pressed={since.kind === choice.kind}
            onClick={() => {
              onSince(choice.kind === "date" ? { kind: "date", date } : { kind: choice.kind });
            }}
          >
            {choice.label}
          </button>
        ))}
      </div>
      {since.kind === "date" && (
        <label className="field is-row since-date">
          <span className="field-label">From</span>
          <input
            type="date"
            className="field-input"
            data-testid="changes-date"
            value={date}
            max={isoDay(new Date())}
            onChange={(event) => {
              setDate(event.target.value);
              // A half-typed date is empty: keep showing the last full one.
              if (event.target.value !== "") onSince({ kind: "date", date: event.target.value });
            }}
          />
        </label>
      )}
    </div>
  );
}
