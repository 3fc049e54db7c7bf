import { useState } from "react";
import { PlusIcon } from "./Icons";
import { InlineInput } from "./InlineInput";

export interface AddInlineProps {
  /** Visible text of the button, e.g. "Activity". */
  buttonText: string;
  /** Accessible name of the button, e.g. "Add an activity". */
  buttonLabel: string;
  buttonClassName: string;
  buttonTestId: string;
  iconSize?: number;
  inputLabel: string;
  placeholder: string;
  inputClassName: string;
  inputTestId?: string;
  /** See `InlineInput`: "repeat" keeps the input open for the next one (stories). */
  mode?: "once" | "repeat";
  /** A short keyboard hint under the input. */
  hint?: string;
  onSubmit: (text: string) => void;
}

/** A "+ Thing" button that turns into an inline input for naming the new thing. */
export function AddInline({
  buttonText,
  buttonLabel,
  buttonClassName,
  buttonTestId,
  iconSize,
  inputLabel,
  placeholder,
  inputClassName,
  inputTestId,
  mode = "once",
  hint,
  onSubmit,
}: AddInlineProps) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button
        type="button"
        className={buttonClassName}
        data-testid={buttonTestId}
        aria-label={buttonLabel}
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
