//! "Share & sync": who you are, which server the team shares, whether this map syncs, and the
//! link teammates join it with. Every rule on the values is the backend's: its message shows
//! here as it is.
import { useEffect, useId, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { SyncSettingsView } from "../../bindings/SyncSettingsView";
import { errorMessage } from "../../model/errors";
import { Dialog } from "../Dialog";
import { FormError } from "./FormError";
import { ShareLink } from "./ShareLink";
import { Switch } from "./Switch";

export const SERVER_PLACEHOLDER = "wss://sync.example.org";

interface Draft {
  displayName: string;
  serverUrl: string;
  makeDefault: boolean;
  enabled: boolean;
}

function draftOf(settings: SyncSettingsView): Draft {
  return {
    displayName: settings.displayName,
    serverUrl: settings.serverUrl ?? settings.defaultServerUrl ?? "",
    // A map on the shared server (or a first set-up) keeps every map on one server.
    makeDefault: settings.serverUrl === null || settings.serverUrl === settings.defaultServerUrl,
    enabled: settings.enabled,
  };
}

export interface SyncDialogProps {
  backend: Backend;
  mapId: string;
  mapName: string;
  onSaved: (settings: SyncSettingsView) => void;
  onClose: () => void;
}

export function SyncDialog({ backend, mapId, mapName, onSaved, onClose }: SyncDialogProps) {
  const [settings, setSettings] = useState<SyncSettingsView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formId = useId();
  const switchLabel = useId();
  const switchNote = useId();

  useEffect(() => {
    let current = true;
    backend.syncSettings(mapId).then(
      (loaded) => {
        if (!current) return;
        setSettings(loaded);
        setDraft(draftOf(loaded));
      },
      (failure: unknown) => {
        if (current) setError(errorMessage(failure));
      },
    );
    return () => {
      current = false;
    };
  }, [backend, mapId]);

  const change = (part: Partial<Draft>) => {
    setDraft((before) => before && { ...before, ...part });
  };
  const save = async () => {
    if (!draft || saving) return;
    setSaving(true);
    setError(null);
    try {
      const serverUrl = draft.serverUrl.trim();
      const saved = await backend.saveSyncSettings(mapId, {
        enabled: draft.enabled,
        serverUrl: serverUrl === "" ? null : serverUrl,
        makeDefault: draft.makeDefault,
        displayName: draft.displayName.trim(),
      });
      onSaved(saved);
    } catch (failure) {
      setError(errorMessage(failure));
      setSaving(false);
    }
  };

  return (
    <Dialog
      title="Share & sync"
      testId="sync-dialog"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="secondary-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="primary-button is-compact" data-testid="sync-save" disabled={!draft || saving}>
            {saving ? "Saving…" : "Save"}
          </button>
        </>
      }
    >
      <p className="dialog-note">
        Settings for <strong>{mapName}</strong> on this computer.
      </p>
      {!draft && !error && (
        <p className="sync-loading" role="status">
          <span className="spinner is-small" aria-hidden="true" /> Reading the sync settings…
        </p>
      )}
      {draft && settings && (
        <form
          id={formId}
          className="sync-form"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label className="field">
            <span className="field-label">Your name</span>
            <input
              type="text"
              className="field-input"
              data-testid="sync-display-name"
              // Drawn once the settings have arrived, after the dialog placed its focus.
              autoFocus
              placeholder="e.g. Ann from Product"
              value={draft.displayName}
              onChange={(event) => {
                change({ displayName: event.target.value });
              }}
            />
            <span className="field-help">Shown on the changes you make, so teammates see who moved what.</span>
          </label>
          <label className="field">
            <span className="field-label">Sync server address</span>
            <input
              type="text"
              className="field-input"
              data-testid="sync-server-url"
              placeholder={SERVER_PLACEHOLDER}
              spellCheck={false}
              value={draft.serverUrl}
              onChange={(event) => {
                change({ serverUrl: event.target.value });
              }}
            />
            <span className="field-help">The server your team shares. Ask whoever set it up for its address.</span>
          </label>
          <label className="check-row sync-default">
            <input
              type="checkbox"
              data-testid="sync-make-default"
              checked={draft.makeDefault}
              onChange={(event) => {
                change({ makeDefault: event.target.checked });
              }}
            />
            Use this server for all maps
          </label>
          <div className={draft.enabled ? "sync-switch-row is-on" : "sync-switch-row"}>
            <div className="sync-switch-text">
              <span id={switchLabel} className="sync-switch-label">
                Sync this map
              </span>
              <span id={switchNote} className="field-help">
                {draft.enabled
                  ? "Your changes go to the server and teammates’ changes arrive as they happen. Edits made offline are kept and sent later."
                  : "Local only: this map stays on this computer."}
              </span>
            </div>
            <Switch
              checked={draft.enabled}
              onChange={(enabled) => {
                change({ enabled });
              }}
              labelledBy={switchLabel}
              describedBy={switchNote}
              testId="sync-enabled"
            />
          </div>
          <section className="sync-share" aria-label="Share link">
            <h3 className="settings-heading">Share link</h3>
            {settings.shareUrl === null ? (
              <p className="field-help">
                This map was made before sharing: send it as a file instead (Maps → Export .storymap…).
              </p>
            ) : (
              <>
                {settings.invitationUrl !== null && (
                  <>
                    <ShareLink
                      url={settings.invitationUrl}
                      label="Invitation link"
                      testId="sync-invitation-url"
                      copyTestId="sync-copy-invitation"
                      copyLabel="Copy invitation"
                    />
                    <p className="field-help">
                      Send this to teammates: clicking it opens Storymap ready to join this map on your server.
                    </p>
                  </>
                )}
                <ShareLink url={settings.shareUrl} />
                <p className="field-help">
                  Or: Maps → Join a shared map…, paste this link and the same server address.
                  {!settings.enabled && " Teammates receive your changes once sync is on."}
                </p>
              </>
            )}
          </section>
        </form>
      )}
      {error !== null && <FormError testId="sync-error" message={error} />}
    </Dialog>
  );
}
