//! Importing from Jira and exporting in other formats as the app shell hosts them: the maps
//! menu's entries, the Jira import and Export dialogs, and what happens once they are done.
import { useCallback, useMemo, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { JiraImportView } from "../../bindings/JiraImportView";
import type { MapView } from "../../bindings/MapView";
import { toDisplayError } from "../../model/errors";
import type { NewToast } from "../../state/store";
import type { ExchangeMenu } from "./exchangeMenu";
import { ExportDialog } from "./ExportDialog";
import { JiraImportDialog } from "./JiraImportDialog";

type Screen = { kind: "jira"; path: string } | { kind: "export" } | null;

export function useExchangeScreens(
  backend: Backend,
  view: MapView | null,
  openMap: (mapId: string) => Promise<boolean>,
  onToast: (toast: NewToast) => void,
) {
  const [screen, setScreen] = useState<Screen>(null);
  const close = useCallback(() => {
    setScreen(null);
  }, []);

  const importJira = useCallback(async () => {
    try {
      const path = await backend.chooseOpenPath("jiraCsv");
      if (path !== null) setScreen({ kind: "jira", path });
    } catch (error) {
      onToast({ kind: "error", ...toDisplayError(error) });
    }
  }, [backend, onToast]);

  // There is no patch for an import: the map (new, or the open one updated) is opened afresh.
  const imported = useCallback(
    (answer: JiraImportView) => {
      setScreen(null);
      onToast({ kind: "info", message: answer.label });
      void openMap(answer.map.id);
    },
    [onToast, openMap],
  );

  const menu = useMemo<ExchangeMenu>(
    () => ({
      onImportJira: () => void importJira(),
      onExport: () => {
        setScreen({ kind: "export" });
      },
    }),
    [importJira],
  );

  const dialogs = (
    <>
      {screen?.kind === "jira" && (
        <JiraImportDialog
          backend={backend}
          path={screen.path}
          openMap={view && { id: view.map.id, name: view.map.name }}
          onImported={imported}
          onClose={close}
        />
      )}
      {screen?.kind === "export" && view && (
        <ExportDialog
          backend={backend}
          view={view}
          onExported={(fileName) => {
            setScreen(null);
            onToast({ kind: "info", message: `Exported '${view.map.name}' to ${fileName}` });
          }}
          onClose={close}
        />
      )}
    </>
  );
  return { menu, dialogs };
}
