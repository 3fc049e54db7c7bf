import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { tauriBackend } from "./backend/tauriBackend";
import { App } from "./components/App";
// Bundled, so the map looks the same on every laptop and projector, offline.
import "@fontsource-variable/inter/wght.css";
import "./styles/app.css";
import "./styles/refine.css";
import "./styles/sync.css";
import "./styles/history.css";
import "./styles/room.css";
import "./styles/exchange.css";
import "./styles/progress.css";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

createRoot(container).render(
  <StrictMode>
    <App backend={tauriBackend} />
  </StrictMode>,
);
