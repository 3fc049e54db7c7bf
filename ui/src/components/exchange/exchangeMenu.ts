//! What the maps menu offers for moving a map in and out in other formats (Jira CSV, Markdown,
//! images); `null` where the app does not offer it.
import { createContext } from "react";

export interface ExchangeMenu {
  onImportJira: () => void;
  onExport: () => void;
}

export const ExchangeMenuContext = createContext<ExchangeMenu | null>(null);
