import { useRef, useState } from "react";
import { cleanTitle } from "../model/labels";

export interface InlineInputProps {
  /** Accessible name of the input. */
  label: string;
  placeholder?: string;
  defaultValue?: string;
  testId?: string;
  className?: string;
  /**
   * "once": Enter (or blur) submits and closes: renaming, adding an activity.
   * "repeat": Enter submits and keeps the input open and empty for the next one; blur submits
   * what was typed and closes: adding stories.
   */
  mode: "once" | "repeat";
  /** Submit what was typed when the input loses focus (default true). */
  submitOnBlur?: boolean;
  /** Called with the trimmed, non-empty text. Empty text is never submitted. */
  onSubmit: (text: string) => void;
  /** The input should go away (Escape, blur, or Enter in rename mode). */
  onClose: () => void;
}

/** A one-line text input for naming things in place. */
export function InlineInput({
  label,
  placeholder,
  defaultValue = "",
  testId = "inline-input",
  className,
  mode,
  submitOnBlur = true,
  onSubmit,
  onClose,
}: InlineInputProps) {
  const [text, setText] = useState(defaultValue);
  // Set once the input has handed control back, so a late blur does not act twice.
  const closed = useRef(false);

  const close = () => {
    if (closed.current) return;
    closed.current = true;
    onClose();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Enter") {
      event.preventDefault();
      event.stopPropagation();
      const title = cleanTitle(text);
      if (mode === "repeat") {
        if (title !== null) {
          onSubmit(title);
          setText("");
        }
        return;
      }
      if (title !== null && !closed.current) onSubmit(title);
      close();
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  const onBlur = () => {
    if (closed.current) return;
    const title = cleanTitle(text);
    if (submitOnBlur && title !== null) onSubmit(title);
    close();
  };

  return (
    <input
      type="text"
      className={className ? `inline-input ${className}` : "inline-input"}
      data-testid={testId}
      aria-label={label}
      placeholder={placeholder}
      value={text}
      autoFocus
      spellCheck
      autoComplete="off"
      onFocus={(event) => {
        event.currentTarget.select();
      }}
      onChange={(event) => {
        setText(event.target.value);
      }}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
      // Selecting text must not start dragging the card or header around the input.
      onPointerDown={(event) => {
        event.stopPropagation();
      }}
    />
  );
}
