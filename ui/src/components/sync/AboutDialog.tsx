//! "About Storymap": the version, where this computer keeps the maps (with a button to copy
//! the path for a backup or a support question), and the licences of what Storymap ships.
import { useCallback } from "react";
import type { Backend } from "../../backend/backend";
import { Dialog } from "../Dialog";
import { LoadState, useLoaded } from "../useLoaded";

export function AboutDialog({ backend, onClose }: { backend: Backend; onClose: () => void }) {
  const load = useCallback(() => backend.about(), [backend]);
  const about = useLoaded(load);
  return (
    <Dialog
      title="About Storymap"
      testId="about-dialog"
      onClose={onClose}
      footer={
        <button type="button" className="primary-button is-compact" data-autofocus onClick={onClose}>
          Close
        </button>
      }
    >
      <LoadState loaded={about} loading="Reading…" />
      {about.kind === "shown" && (
        <>
          <p className="about-version" data-testid="about-version">
            Version {about.value.version}
          </p>
          <p className="dialog-note">Story mapping and backlog refinement, offline first.</p>
          <dl className="file-preview">
            <dt>Your maps</dt>
            <dd>
              <code data-testid="about-data-dir">{about.value.dataDir}</code>
            </dd>
          </dl>
          <h3 className="about-heading">Licences</h3>
          {about.value.licences.map((licence) => (
            <details key={licence.name} className="about-licence" data-testid="about-licence">
              <summary>
                {licence.name} — {licence.licence}
              </summary>
              <pre>{licence.text}</pre>
            </details>
          ))}
        </>
      )}
    </Dialog>
  );
}
