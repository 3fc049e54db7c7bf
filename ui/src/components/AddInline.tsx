//! A "+ Thing" button that turns into an inline input for naming the new thing.
import { useState } from "react";
import { PlusIcon } from "./Icons";
import { InlineInput } from "./InlineInput";
import { useReadOnly } from "./readOnly";

export interface AddInlineProps {
  /** Visible text of the button, e.g. "Activity". */
  buttonText: string;
  /** Accessible name of the button, e.g. "Add an activity". */
  buttonLabel: string;
  buttonClassName: string;
  buttonTestId: string;
  /** -1 keeps the button out of the Tab order (the grid's keys reach it instead). */
  buttonTabIndex?: number;
  iconSize?: number;
  inputLabel: string;
  placeholder: string;
  inputClassName: string;
  inputTestId?: string;
  /** See `InlineInput`: "repeat" keeps the input open for the next one (stories). */
  mode?: "once" | "repeat";
  /** A short keyboard hint under the input. */
  hint?: string;
  /** Controlled open state, for opening the input from a keyboard shortcut. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  onSubmit: (text: string) => void;
}

export function AddInline({
  buttonText,
  buttonLabel,
  buttonClassName,
  buttonTestId,
  buttonTabIndex,
  iconSize,
  inputLabel,
  placeholder,
  inputClassName,
  inputTestId,
  mode = "once",
  hint,
  open: openProp,
  onOpenChange,
  onSubmit,
}: AddInlineProps) {
  const [openState, setOpenState] = useState(false);
  const readOnly = useReadOnly();
  const open = openProp ?? openState;
  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange?.(next);
  };
  // Nothing is added to an earlier version of the map.
  if (readOnly) return null;
  if (!open) {
    return (
      <button
        type="button"
        className={buttonClassName}
        data-testid={buttonTestId}
        aria-label={buttonLabel}
        tabIndex={buttonTabIndex}
        onClick={() => {
          setOpen(true);
        }}
      >
        <PlusIcon size={iconSize} />
        <span>{buttonText}</span>
      </button>
    );
  }
  const input = (
    <InlineInput
      mode={mode}
      testId={inputTestId}
      label={inputLabel}
      placeholder={placeholder}
      className={inputClassName}
      onSubmit={onSubmit}
      onClose={() => {
        setOpen(false);
      }}
    />
  );
  if (!hint) return input;
  return (
    <div className="inline-add">
      {input}
      <span className="inline-add-hint" aria-hidden="true">
        {hint}
      </span>
    </div>
  );
}
