//! A modal dialog drawn in the app (not the system's): focus moves in, Esc or the backdrop
//! closes it, and focus goes back to where it was.
import { useEffect, useId, useRef } from "react";

export interface DialogProps {
  title: string;
  testId: string;
  onClose: () => void;
  children: React.ReactNode;
  /** Buttons, right-aligned under the content. */
  footer?: React.ReactNode;
  wide?: boolean;
}

export function Dialog({ title, testId, onClose, children, footer, wide = false }: DialogProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = panel.current?.querySelector<HTMLElement>("[data-autofocus], select, button");
    (first ?? panel.current)?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);

  // A button that removed itself (e.g. the last "Keep this") leaves focus on the page:
  // bring it back into the dialog, so Esc and Tab still work.
  useEffect(() => {
    const regain = () => {
      if (document.activeElement === document.body) panel.current?.focus();
    };
    const observer = new MutationObserver(regain);
    if (panel.current) observer.observe(panel.current, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    // Keep the map's shortcuts from acting behind the dialog.
    event.stopPropagation();
    if (event.key === "Escape") {
      event.preventDefault();
      onClose();
    } else if (event.key === "Tab" && panel.current) {
      const focusable = [...panel.current.querySelectorAll<HTMLElement>("button, select, input, [tabindex='0']")];
      const first = focusable[0];
      const last = focusable.at(-1);
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  };

  return (
    <div
      className="dialog-backdrop"
      onPointerDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={panel}
        className={wide ? "dialog is-wide" : "dialog"}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">{children}</div>
        {footer && <div className="dialog-footer">{footer}</div>}
      </div>
    </div>
  );
}
