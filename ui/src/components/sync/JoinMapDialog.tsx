//! "Join a shared map": a teammate's share link and the server it lives on. The map opens once
//! it has arrived (a big one shows how much has come in the progress panel, and can be stopped:
//! nothing of it is kept); a refusal (a bad link, an unreachable server) shows under the fields.
import { useEffect, useId, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { Invitation } from "../../bindings/Invitation";
import type { ReceivedMapView } from "../../bindings/ReceivedMapView";
import { errorMessage, isApiError } from "../../model/errors";
import { Dialog } from "../Dialog";
import { FormError } from "./FormError";
import { SERVER_PLACEHOLDER } from "./SyncDialog";

export interface JoinMapDialogProps {
  backend: Backend;
  /** The open map, whose settings tell the server most teammates use. */
  mapId: string | null;
  onJoined: (received: ReceivedMapView) => void;
  onClose: () => void;
  /** An invitation clicked outside Storymap: its map and server, filled in. */
  invitation?: Invitation | null;
}

export function JoinMapDialog({ backend, mapId, onJoined, onClose, invitation = null }: JoinMapDialogProps) {
  const [url, setUrl] = useState(invitation?.shareUrl ?? "");
  const [server, setServer] = useState(invitation?.serverUrl ?? "");
  const [error, setError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);
  const formId = useId();

  // Start from the server this computer already uses, unless someone typed one meanwhile.
  useEffect(() => {
    if (mapId === null) return;
    let current = true;
    backend.syncSettings(mapId).then(
      (settings) => {
        const known = settings.serverUrl ?? settings.defaultServerUrl;
        if (current && known !== null) setServer((typed) => (typed === "" ? known : typed));
      },
      () => undefined, // Typing the address is enough.
    );
    return () => {
      current = false;
    };
  }, [backend, mapId]);

  const join = async () => {
    if (joining) return;
    setJoining(true);
    setError(null);
    try {
      onJoined(await backend.joinMap(url.trim(), server.trim()));
    } catch (failure) {
      // A join stopped from here closed the dialog already.
      if (isApiError(failure) && failure.code === "cancelled") return;
      setError(errorMessage(failure));
      setJoining(false);
    }
  };

  // Closing while a big map arrives stops the join; nothing of it is kept.
  const close = () => {
    if (joining) void backend.cancelJoin();
    onClose();
  };

  return (
    <Dialog
      title="Join a shared map"
      testId="join-dialog"
      onClose={close}
      footer={
        <>
          <button type="button" className="secondary-button" data-testid="join-cancel" onClick={close}>
            {joining ? "Stop joining" : "Cancel"}
          </button>
          <button
            type="submit"
            form={formId}
            className="primary-button is-compact"
            data-testid="join-submit"
            disabled={joining || url.trim() === ""}
          >
            {joining && <span className="spinner is-small is-light" aria-hidden="true" />}
            {joining ? "Joining…" : "Join map"}
          </button>
        </>
      }
    >
      <p className="dialog-note" data-testid="join-note">
        {invitation === null
          ? "Paste the link or invitation a teammate copied from Share & sync. The map is fetched from the server, then stays in sync with it."
          : "A teammate invited you to this map. Join to fetch it from their server; it then stays in sync with it."}
      </p>
      <form
        id={formId}
        className="sync-form"
        onSubmit={(event) => {
          event.preventDefault();
          void join();
        }}
      >
        <label className="field">
          <span className="field-label">Share link</span>
          <input
            type="text"
            className="field-input"
            data-testid="join-url"
            data-autofocus
            placeholder="automerge:… or storymap://join?…"
            spellCheck={false}
            value={url}
            onChange={(event) => {
              setUrl(event.target.value);
            }}
          />
        </label>
        <label className="field">
          <span className="field-label">Sync server address</span>
          <input
            type="text"
            className="field-input"
            data-testid="join-server"
            placeholder={SERVER_PLACEHOLDER}
            spellCheck={false}
            value={server}
            onChange={(event) => {
              setServer(event.target.value);
            }}
          />
          <span className="field-help">The same address your teammate’s map syncs with.</span>
        </label>
      </form>
      {error !== null && <FormError testId="join-error" message={error} />}
    </Dialog>
  );
}
