//! The top bar's view switch (Map ⇄ Backlog, also B) and the refinement settings.
import { SettingsIcon } from "./RefineIcons";

export type AppView = "map" | "backlog";

export function ViewSwitch({ mode, onMode, onSettings }: { mode: AppView; onMode: (mode: AppView) => void; onSettings: () => void }) {
  return (
    <div className="view-switch-group">
      <div className="view-switch" role="group" aria-label="View">
        <button type="button" data-testid="view-map" aria-pressed={mode === "map"} title="Story map (B)" onClick={() => { onMode("map"); }}>
          Map
        </button>
        <button type="button" data-testid="view-backlog" aria-pressed={mode === "backlog"} title="Backlog (B)" onClick={() => { onMode("backlog"); }}>
          Backlog
        </button>
      </div>
      <button
        type="button"
        className="icon-button"
        data-testid="dor-settings-button"
        aria-label="Refinement settings"
        title="Refinement settings: Definition of Ready, estimates, status names"
        onClick={onSettings}
      >
        <SettingsIcon size={18} />
      </button>
    </div>
  );
}
