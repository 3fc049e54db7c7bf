//! A session's summary, as Rust words it: the headline, decisions, splits, estimate changes,
//! open blockers and next steps, and the stakeholder update in Markdown or plain text — edited
//! here before copying it to the clipboard.
import { useEffect, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { SessionSummaryView } from "../../bindings/SessionSummaryView";
import type { SummaryNoteView } from "../../bindings/SummaryNoteView";
import { errorMessage } from "../../model/errors";
import type { NewToast } from "../../state/store";
import { Dialog } from "../Dialog";
import { CopyIcon } from "../Icons";

type Format = "markdown" | "text";

export interface SummaryDialogProps {
  backend: Backend;
  mapId: string;
  sessionId: string;
  onToast: (toast: NewToast) => void;
  onClose: () => void;
}

export function SummaryDialog({ backend, mapId, sessionId, onToast, onClose }: SummaryDialogProps) {
  const [summary, setSummary] = useState<SessionSummaryView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [format, setFormat] = useState<Format>("markdown");
  // What the person typed, per format; the text Rust wrote until then.
  const [drafts, setDrafts] = useState<Partial<Record<Format, string>>>({});
  const [saveFailure, setSaveFailure] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    backend.sessionSummary(mapId, sessionId).then(
      (answer) => {
        if (current) setSummary(answer);
      },
      (error: unknown) => {
        if (current) setFailure(errorMessage(error));
      },
    );
    return () => {
      current = false;
    };
  }, [backend, mapId, sessionId]);

  const update = summary ? (drafts[format] ?? summary[format]) : "";
  const saveToFile = async () => {
    try {
      const path = await backend.chooseSavePath(`Session summary.${format === "markdown" ? "md" : "txt"}`, format === "markdown" ? "markdown" : "text");
      if (path === null) return;
      await backend.saveStakeholderUpdate(path, update);
      onToast({ kind: "info", message: `Stakeholder update saved to ${path}` });
    } catch (error) {
      setSaveFailure(errorMessage(error));
    }
  };
  const copy = () => {
    navigator.clipboard.writeText(update).then(
      () => {
        onToast({ kind: "info", message: "Stakeholder update copied" });
      },
      (error: unknown) => {
        onToast({ kind: "info", message: `Could not copy: ${errorMessage(error)}` });
      },
    );
  };

  return (
    <Dialog
      title="Session summary"
      testId="session-summary"
      wide
      onClose={onClose}
      footer={
        <>
          <button type="button" className="secondary-button" onClick={onClose}>
            Close
          </button>
          <button type="button" className="secondary-button" data-testid="save-update" disabled={!summary} onClick={() => void saveToFile()}>
            Save to a file…
          </button>
          <button type="button" className="primary-button" data-testid="copy-update" disabled={!summary} onClick={copy}>
            <CopyIcon size={16} /> Copy update
          </button>
        </>
      }
    >
      {failure !== null && <p className="field-help is-error" role="alert">{failure}</p>}
      {!summary && failure === null && (
        <p className="drawer-state" role="status">
          <span className="spinner is-small" aria-hidden="true" /> Summing up the session…
        </p>
      )}
      {summary && (
        <div className="summary">
          <p className="summary-headline" data-testid="summary-headline">{summary.headline}</p>
          <p className="summary-sentence">{summary.stakeholderSentence}</p>
          <p className="summary-health" data-testid="summary-health">{summary.health}</p>
          {summary.objectives.length > 0 && (
            <p className="summary-objectives" data-testid="summary-objectives">
              The ready work serves {summary.objectives.join(", ")}
            </p>
          )}
          <div className="summary-columns">
            <NoteList title="Decisions" notes={summary.decisions} />
            <NoteList title="Next steps" notes={summary.nextSteps} />
            <TextList title="Splits" items={summary.splits.map((split) => `${split.title} → ${split.into.join(", ")}`)} />
            <TextList title="Estimate changes" items={summary.estimateChanges.map((change) => `${change.title}: ${change.from ?? "none"} → ${change.to ?? "none"}`)} />
            <TextList title="Open blockers" items={summary.openBlockers} />
            <TextList title="Open cross-team dependencies" items={summary.crossTeam} />
            <TextList title="Read by" items={summary.readers.map((credit) => `${credit.name}: ${credit.stories.join(", ")}`)} />
            <TextList title="Needs input" items={summary.needsInput.map((needs) => `${needs.who}: ${needs.stories.toString()} ${needs.stories === 1 ? "story" : "stories"}`)} />
          </div>
          <div className="summary-update-head">
            <h3 className="room-section-title">Stakeholder update</h3>
            <div className="segmented" role="group" aria-label="Format">
              {(["markdown", "text"] as const).map((option) => (
                <button key={option} type="button" data-testid="summary-format" data-format={option} aria-pressed={format === option} onClick={() => { setFormat(option); }}>
                  {option === "markdown" ? "Markdown" : "Plain text"}
                </button>
              ))}
            </div>
          </div>
          <textarea
            className="field-textarea stakeholder-update"
            data-testid="stakeholder-update"
            aria-label="Stakeholder update"
            rows={10}
            value={update}
            onChange={(event) => {
              setDrafts((current) => ({ ...current, [format]: event.target.value }));
            }}
          />
          <p className="field-help">Edit it as you like, then copy it into an e-mail or chat, or save it to a file.</p>
          {saveFailure !== null && (
            <p className="field-help is-error" role="alert" data-testid="save-update-error">
              {saveFailure}
            </p>
          )}
        </div>
      )}
    </Dialog>
  );
}

function NoteList({ title, notes }: { title: string; notes: readonly SummaryNoteView[] }) {
  return <TextList title={title} items={notes.map((note) => (note.story === null ? note.text : `${note.story}: ${note.text}`))} />;
}

function TextList({ title, items }: { title: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <section className="summary-list">
      <h4>{title}</h4>
      <ul>
        {items.map((item, index) => (
          <li key={`${index.toString()}:${item}`}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
