//! The maps menu: every map on this computer, a new one, joining a teammate's, and moving a map
//! in or out as a `.storymap` file, from a Jira CSV, or in another format (Export…).
import { useContext, useEffect, useId, useRef, useState } from "react";
import type { MapSummary } from "../bindings/MapSummary";
import { storyCountLabel } from "../model/labels";
import { syncPill } from "../model/syncStatus";
import type { SyncStatus } from "../bindings/SyncStatus";
import type { SyncStatuses } from "../state/useSyncStatuses";
import { formatUpdated } from "../model/time";
import { TableIcon } from "./exchange/ExchangeIcons";
import { ExchangeMenuContext } from "./exchange/exchangeMenu";
import { CheckIcon, ChevronDownIcon, InfoIcon, MapsIcon, PlusIcon } from "./Icons";
import { InlineInput } from "./InlineInput";
import { RestoreIcon } from "./history/HistoryIcons";
import { LinkIcon } from "./refine/RefineIcons";
import { ExportIcon, ImportIcon } from "./sync/SyncIcons";

/** A shared map's sync state in the list: a dot in the pill's tone and its words. */
function SwitcherSync({ status, now }: { status: SyncStatus | undefined; now: Date }) {
  if (status === undefined || status.state.kind === "localOnly") return null;
  const pill = syncPill(status, now);
  return (
    <span className={`switcher-item-sync is-${pill.tone}`} data-testid="map-item-sync" title={pill.tooltip}>
      <span className="switcher-item-sync-dot" aria-hidden="true" />
      {pill.label}
    </span>
  );
}

export interface MapSwitcherProps {
  maps: readonly MapSummary[];
  /** Shared maps' sync statuses by map id; a map without one stays on this computer. */
  syncStatuses?: SyncStatuses;
  currentMapId: string | null;
  onOpenMap: (mapId: string) => void;
  onCreateMap: (name: string) => void;
  /** Called when the list opens, to show fresh story counts. */
  onRefresh: () => void;
  /** Bumped to open the list on its "new map" input (Ctrl+N). */
  createRequest?: number;
  onJoinMap: () => void;
  onImportMap: () => void;
  onExportMap: () => void;
  onRestoreBackup: () => void;
  onAbout: () => void;
}

export function MapSwitcher({
  maps,
  syncStatuses = {},
  currentMapId,
  onOpenMap,
  onCreateMap,
  onRefresh,
  createRequest = 0,
  onJoinMap,
  onImportMap,
  onExportMap,
  onRestoreBackup,
  onAbout,
}: MapSwitcherProps) {
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const [handledRequest, setHandledRequest] = useState(createRequest);
  if (handledRequest !== createRequest) {
    setHandledRequest(createRequest);
    setOpen(true);
    setCreating(true);
  }
  const root = useRef<HTMLDivElement | null>(null);
  const button = useRef<HTMLButtonElement | null>(null);
  const menuId = useId();
  const exchange = useContext(ExchangeMenuContext);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) {
        setOpen(false);
        setCreating(false);
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        setCreating(false);
        button.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  const toggle = () => {
    if (!open) onRefresh();
    setOpen(!open);
    setCreating(false);
  };
  const close = () => {
    setOpen(false);
    setCreating(false);
  };
  const now = new Date();

  return (
    <div className="switcher" ref={root}>
      <button
        ref={button}
        type="button"
        className="switcher-button"
        data-testid="map-switcher"
        aria-label="Maps: switch map"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={toggle}
      >
        <MapsIcon />
        <span>Maps</span>
        <ChevronDownIcon size={14} className="switcher-chevron" />
      </button>
      {open && (
        <div className="switcher-menu" id={menuId} role="dialog" aria-label="Your maps">
          <div className="switcher-heading">Your maps</div>
          <ul className="switcher-list">
            {maps.map((map) => {
              const current = map.id === currentMapId;
              return (
                <li key={map.id}>
                  <button
                    type="button"
                    className={current ? "switcher-item is-current" : "switcher-item"}
                    aria-current={current ? "true" : undefined}
                    aria-label={`Open ${map.name}, ${storyCountLabel(map.storyCount)}`}
                    data-testid="map-item"
                    data-map-id={map.id}
                    onClick={() => {
                      close();
                      if (!current) onOpenMap(map.id);
                    }}
                  >
                    <span className="switcher-item-main">
                      <span className="switcher-item-name">{map.name}</span>
                      <span className="switcher-item-meta">
                        {storyCountLabel(map.storyCount)}
                        {formatUpdated(map.updatedAt, now) && ` · edited ${formatUpdated(map.updatedAt, now)}`}
                      </span>
                      <SwitcherSync status={syncStatuses[map.id]} now={now} />
                    </span>
                    {current && <CheckIcon className="switcher-item-check" />}
                  </button>
                </li>
              );
            })}
          </ul>
          <div className="switcher-footer">
            {creating ? (
              <InlineInput
                mode="once"
                label="Name of the new map"
                placeholder="Name the new map"
                submitOnBlur={false}
                className="switcher-input"
                onSubmit={(name) => {
                  close();
                  onCreateMap(name);
                }}
                onClose={() => {
                  setCreating(false);
                }}
              />
            ) : (
              <button
                type="button"
                className="switcher-new"
                data-testid="new-map"
                aria-label="New map"
                onClick={() => {
                  setCreating(true);
                }}
              >
                <PlusIcon />
                New map…
              </button>
            )}
            <button
              type="button"
              className="switcher-new is-secondary"
              data-testid="join-map"
              onClick={() => {
                close();
                onJoinMap();
              }}
            >
              <LinkIcon />
              Join a shared map…
            </button>
          </div>
          <div className="switcher-footer switcher-files">
            <button
              type="button"
              className="switcher-new is-secondary"
              data-testid="import-map"
              onClick={() => {
                close();
                onImportMap();
              }}
            >
              <ImportIcon />
              Import .storymap…
            </button>
            {exchange && (
              <button
                type="button"
                className="switcher-new is-secondary"
                data-testid="jira-import"
                onClick={() => {
                  close();
                  exchange.onImportJira();
                }}
              >
                <TableIcon />
                Import from Jira CSV…
              </button>
            )}
            <button
              type="button"
              className="switcher-new is-secondary"
              data-testid="export-map"
              disabled={currentMapId === null}
              onClick={() => {
                close();
                onExportMap();
              }}
            >
              <ExportIcon />
              Export .storymap…
            </button>
            {exchange && (
              <button
                type="button"
                className="switcher-new is-secondary"
                data-testid="export-menu"
                disabled={currentMapId === null}
                onClick={() => {
                  close();
                  exchange.onExport();
                }}
              >
                <ExportIcon />
                Export…
              </button>
            )}
            <button
              type="button"
              className="switcher-new is-secondary"
              data-testid="restore-backup"
              onClick={() => {
                close();
                onRestoreBackup();
              }}
            >
              <RestoreIcon />
              Restore from a backup…
            </button>
            <button
              type="button"
              className="switcher-new is-secondary"
              data-testid="about"
              onClick={() => {
                close();
                onAbout();
              }}
            >
              <InfoIcon />
              About Storymap
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
