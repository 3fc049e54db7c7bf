//! The refinement settings' "Capacity": the team's velocity (points per sprint, or not set),
//! the sprint length and the band of ready sprints to aim for. Rust checks every value and a
//! refused one comes back as a toast saying why.
import type { MapSettingsView } from "../../bindings/MapSettingsView";
import type { SendEdit } from "./send";
import { TextField } from "./TextField";

/** A number typed with a dot or a comma; `null` for an empty field, `NaN` for text. */
function parse(text: string): number | null {
  return text.trim() === "" ? null : Number(text.trim().replace(",", "."));
}

export function CapacitySettings({ settings, send }: { settings: MapSettingsView; send: SendEdit }) {
  const target = settings.readyTargetSprints;
  const setTarget = (min: number, max: number) => {
    void send({ kind: "setReadyTarget", min, max });
  };
  return (
    <section className="settings-section" aria-labelledby="capacity-heading">
      <h3 id="capacity-heading" className="settings-heading">
        Capacity
      </h3>
      <p className="dialog-note">
        With a velocity, the backlog shows how many sprints of ready work the team has against the target, and how many
        sprints each slice still needs. Leave the velocity empty while the team has none.
      </p>
      <div className="capacity-grid">
        <TextField
          label="Velocity (points per sprint)"
          value={settings.velocity === null ? "" : settings.velocity.toString()}
          placeholder="Not set"
          className="is-number"
          testId="capacity-velocity"
          onCommit={(text) => {
            const points = parse(text);
            if (points === null || Number.isFinite(points)) void send({ kind: "setVelocity", points });
          }}
        />
        <TextField
          label="Sprint length (days)"
          value={settings.sprintLengthDays.toString()}
          className="is-number"
          testId="capacity-sprint-length"
          onCommit={(text) => {
            const days = parse(text);
            if (days !== null && Number.isInteger(days) && days >= 0) void send({ kind: "setSprintLength", days });
          }}
        />
        <TextField
          label="Ready target: at least (sprints)"
          value={target.min.toString()}
          className="is-number"
          testId="capacity-target-min"
          onCommit={(text) => {
            const min = parse(text);
            if (min !== null && Number.isFinite(min)) setTarget(min, target.max);
          }}
        />
        <TextField
          label="Ready target: at most (sprints)"
          value={target.max.toString()}
          className="is-number"
          testId="capacity-target-max"
          onCommit={(text) => {
            const max = parse(text);
            if (max !== null && Number.isFinite(max)) setTarget(target.min, max);
          }}
        />
      </div>
    </section>
  );
}
