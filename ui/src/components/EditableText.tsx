import { useEffect, useRef, useState } from "react";
import { InlineInput } from "./InlineInput";
import { useReadOnly } from "./readOnly";

export interface EditableTextProps {
  value: string;
  /** Called with the new, trimmed, non-empty title when it differs from `value`. */
  onCommit: (value: string) => void;
  /** What is being renamed, for the input's accessible name ("Activity title"). */
  label: string;
  /** `data-testid` of the element showing the text. */
  testId: string;
  className?: string;
  inputClassName?: string;
  as?: "span" | "h1";
  /** Whether the text itself takes keyboard focus (Enter or F2 starts editing). Default true. */
  focusable?: boolean;
  /** Controlled editing state, for when a container (a card) starts the edit. */
  editing?: boolean;
  onEditingChange?: (editing: boolean) => void;
  /** Where focus goes after Enter or Escape; the text itself by default. */
  returnFocusTo?: React.RefObject<HTMLElement | null>;
}

/** Text that turns into an input on double-click (or Enter when focused). */
export function EditableText({
  value,
  onCommit,
  label,
  testId,
  className,
  inputClassName,
  as: Tag = "span",
  focusable = true,
  editing: editingProp,
  onEditingChange,
  returnFocusTo,
}: EditableTextProps) {
  const [editingState, setEditingState] = useState(false);
  const editing = editingProp ?? editingState;
  const setEditing = (next: boolean) => {
    setEditingState(next);
    onEditingChange?.(next);
  };
  const textRef = useRef<HTMLElement | null>(null);
  const refocus = useRef(false);
  const readOnly = useReadOnly();

  useEffect(() => {
    if (!editing && refocus.current) {
      refocus.current = false;
      (returnFocusTo?.current ?? textRef.current)?.focus();
    }
  }, [editing, returnFocusTo]);

  if (readOnly) {
    return (
      <Tag className={className ? `editable is-read-only ${className}` : "editable is-read-only"} data-testid={testId}>
        {value}
      </Tag>
    );
  }

  if (editing) {
    return (
      <InlineInput
        mode="once"
        label={label}
        defaultValue={value}
        className={inputClassName}
        onSubmit={(title) => {
          if (title !== value) onCommit(title);
        }}
        onClose={() => {
          // Give focus back to the text only when the input still has it (Enter or Escape).
          refocus.current =
            (focusable || returnFocusTo !== undefined) && document.activeElement?.tagName === "INPUT";
          setEditing(false);
        }}
      />
    );
  }

  return (
    <Tag
      ref={(element: HTMLElement | null) => {
        textRef.current = element;
      }}
      className={className ? `editable ${className}` : "editable"}
      data-testid={testId}
      tabIndex={focusable ? 0 : undefined}
      title="Double-click to rename"
      onDoubleClick={(event) => {
        event.stopPropagation();
        setEditing(true);
      }}
      onKeyDown={
        focusable
          ? (event) => {
              if (event.key === "Enter" || event.key === "F2") {
                event.preventDefault();
                event.stopPropagation();
                setEditing(true);
              }
            }
          : undefined
      }
    >
      {value}
    </Tag>
  );
}
