//! A text field in the story details that saves when it loses focus or on Enter (Ctrl+Enter in
//! a multi-line field): one edit per change, never one per keystroke. Esc puts the text back.
import { useRef, useState } from "react";

export interface TextFieldProps {
  value: string;
  label: string;
  /** Called with the new text when it differs from `value`. */
  onCommit: (text: string) => void;
  multiline?: boolean;
  placeholder?: string;
  testId?: string;
  className?: string;
  /** Refuse empty text (titles): an empty field goes back to `value`. */
  required?: boolean;
  rows?: number;
  autoFocus?: boolean;
  /** Shown as the field's visible label; `label` alone is read out otherwise. */
  showLabel?: boolean;
  maxLength?: number;
  /** The id of a `<datalist>` offering values (a one-line field only). */
  list?: string;
  /** Extra `data-*` attributes on the input, for tests to find one field among several. */
  data?: Readonly<Record<`data-${string}`, string>>;
}

export function TextField({
  value,
  label,
  onCommit,
  multiline = false,
  placeholder,
  testId,
  className,
  required = false,
  rows = 3,
  autoFocus = false,
  showLabel = true,
  maxLength,
  list,
  data,
}: TextFieldProps) {
  const [draft, setDraft] = useState(value);
  const [base, setBase] = useState(value);
  const skipBlur = useRef(false);
  // What was last sent and over which value, so Enter then blur does not send the same text
  // twice, while the same text may go again once the value has changed (undo, a reset).
  const sent = useRef<{ text: string; over: string } | null>(null);
  // A change from the backend (undo, a teammate) replaces the draft.
  if (value !== base) {
    setBase(value);
    setDraft(value);
  }

  const commit = (text: string) => {
    const next = required ? text.trim() : text;
    if (required && next === "") {
      setDraft(value);
      return;
    }
    if (next === value || (sent.current?.text === next && sent.current.over === value)) return;
    sent.current = { text: next, over: value };
    onCommit(next);
  };

  const common = {
    ...data,
    "aria-label": showLabel ? undefined : label,
    maxLength,
    "data-testid": testId,
    className: multiline ? "field-textarea" : "field-input",
    placeholder,
    value: draft,
    autoFocus,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      setDraft(event.target.value);
    },
    onBlur: () => {
      if (skipBlur.current) {
        skipBlur.current = false;
        return;
      }
      commit(draft);
    },
    onKeyDown: (event: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (event.key === "Escape") {
        if (draft !== value) {
          event.preventDefault();
          event.stopPropagation();
          skipBlur.current = true;
          setDraft(value);
          event.currentTarget.blur();
        }
      } else if (event.key === "Enter" && (!multiline || event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        commit(draft);
      }
    },
  };
  const field = multiline ? <textarea rows={rows} {...common} /> : <input type="text" list={list} {...common} />;
  if (!showLabel) return field;
  return (
    <label className={className ? `field ${className}` : "field"}>
      <span className="field-label">{label}</span>
      {field}
    </label>
  );
}
