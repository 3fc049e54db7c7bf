//! Splitting a story: pick a pattern (SPIDR, workflow steps, happy path first…), edit the
//! titles it suggests, add or remove children (2–10) and give each criterion to one child.
import { useEffect, useState } from "react";
import type { Backend } from "../../backend/backend";
import type { SplitChildInput } from "../../bindings/SplitChildInput";
import type { SplitPatternView } from "../../bindings/SplitPatternView";
import type { StoryView } from "../../bindings/StoryView";
import { toDisplayError } from "../../model/errors";
import {
  addChild,
  assignCriterion,
  MAX_CHILDREN,
  MIN_CHILDREN,
  newSplitDraft,
  removeChild,
  renameChild,
  splitChildren,
  splitProblem,
  withTitles,
} from "../../model/splitDraft";
import { Dialog } from "../Dialog";
import { PlusIcon, TrashIcon } from "../Icons";

export interface SplitDialogProps {
  story: StoryView;
  backend: Backend;
  onCancel: () => void;
  onConfirm: (children: SplitChildInput[]) => void;
}

export function SplitDialog({ story, backend, onCancel, onConfirm }: SplitDialogProps) {
  const criterionIds = story.acceptanceCriteria.map((criterion) => criterion.id);
  const [patterns, setPatterns] = useState<SplitPatternView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [draft, setDraft] = useState(() => newSplitDraft([story.title, ""], criterionIds));

  useEffect(() => {
    let current = true;
    backend.splitPatterns(story.title).then(
      (found) => {
        if (current) setPatterns(found);
      },
      (error: unknown) => {
        if (current) setLoadError(toDisplayError(error).detail ?? "The splitting patterns could not be loaded.");
      },
    );
    return () => {
      current = false;
    };
  }, [backend, story.title]);

  const problem = splitProblem(draft);
  return (
    <Dialog
      title={`Split '${story.title}'`}
      testId="split-dialog"
      wide
      onClose={onCancel}
      footer={
        <>
          {problem !== null && <span className="dialog-note split-problem">{problem}</span>}
          <button type="button" className="secondary-button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="primary-button"
            data-testid="split-confirm"
            disabled={problem !== null}
            onClick={() => {
              onConfirm(splitChildren(draft, criterionIds));
            }}
          >
            Split into {draft.titles.length}
          </button>
        </>
      }
    >
      <p className="dialog-note">
        The new stories replace this one in its cell and keep its narrative, why and labels. One undo puts it back.
      </p>
      <fieldset className="split-patterns">
        <legend>Pick a pattern</legend>
        {patterns === null && loadError === null && <p className="field-help">Loading patterns…</p>}
        {loadError !== null && <p className="field-help is-error">{loadError}</p>}
        <div className="pattern-grid">
          {patterns?.map((pattern) => (
            <button
              key={pattern.pattern}
              type="button"
              className="pattern-option"
              data-testid="split-pattern"
              data-pattern={pattern.pattern}
              aria-pressed={picked === pattern.pattern}
              onClick={() => {
                setPicked(pattern.pattern);
                setDraft((current) => withTitles(current, pattern.titles));
              }}
            >
              <strong>{pattern.name}</strong>
              <span>{pattern.question}</span>
            </button>
          ))}
        </div>
      </fieldset>
      <ol className="split-children">
        {draft.titles.map((title, index) => (
          <li key={index} className="split-child">
            <div className="split-child-head">
              <span className="split-child-number">{index + 1}</span>
              <input
                type="text"
                className="field-input"
                data-testid="split-child-title"
                data-autofocus={index === 0 ? true : undefined}
                aria-label={`Title of new story ${(index + 1).toString()}`}
                placeholder="Title of the new story"
                value={title}
                onChange={(event) => {
                  setDraft((current) => renameChild(current, index, event.target.value));
                }}
              />
              <button
                type="button"
                className="icon-button is-small is-danger"
                aria-label={`Remove new story ${(index + 1).toString()}`}
                disabled={draft.titles.length <= MIN_CHILDREN}
                onClick={() => {
                  setDraft((current) => removeChild(current, index));
                }}
              >
                <TrashIcon size={14} />
              </button>
            </div>
            {story.acceptanceCriteria.length > 0 && (
              <ul className="split-criteria" aria-label={`Criteria of new story ${(index + 1).toString()}`}>
                {story.acceptanceCriteria.map((criterion) => (
                  <li key={criterion.id}>
                    <label className="check-row">
                      <input
                        type="checkbox"
                        data-testid="split-criterion"
                        data-child-index={index}
                        data-criterion-id={criterion.id}
                        checked={(draft.owners[criterion.id] ?? 0) === index}
                        onChange={(event) => {
                          setDraft((current) => assignCriterion(current, criterion.id, index, event.target.checked));
                        }}
                      />
                      <span>{criterion.text}</span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="ghost-button split-add"
        disabled={draft.titles.length >= MAX_CHILDREN}
        onClick={() => {
          setDraft(addChild);
        }}
      >
        <PlusIcon size={16} />
        Add a story
      </button>
    </Dialog>
  );
}
