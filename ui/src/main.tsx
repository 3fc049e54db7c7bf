import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { tauriBackend } from "./backend/tauriBackend";
import { App } from "./components/App";
import { ErrorBoundary } from "./components/ErrorBoundary";
// Bundled, so the map looks the same on every laptop and projector, offline.
import "@fontsource-variable/inter/wght.css";
import "./styles/app.css";
import "./styles/map.css";
import "./styles/map-cells.css";
import "./styles/shell-states.css";
import "./styles/map-actions.css";
import "./styles/dialogs.css";
import "./styles/dependency-lines.css";
import "./styles/wsjf-heat.css";
import "./styles/refine.css";
import "./styles/flags.css";
import "./styles/label-colors.css";
import "./styles/story-panel.css";
import "./styles/story-panel-checks.css";
import "./styles/story-panel-discussion.css";
import "./styles/refine-dialogs.css";
import "./styles/health.css";
import "./styles/objectives.css";
import "./styles/personas.css";
import "./styles/sync.css";
import "./styles/history.css";
import "./styles/conflicts.css";
import "./styles/past-map.css";
import "./styles/room.css";
import "./styles/readers.css";
import "./styles/session-agenda.css";
import "./styles/room-dialogs.css";
import "./styles/presentation.css";
import "./styles/exchange.css";
import "./styles/jira-status-map.css";
import "./styles/progress.css";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <App backend={tauriBackend} />
    </ErrorBoundary>
  </StrictMode>,
);
