//! Toasts in the corner: errors (stay until dismissed), notices and "Deleted … Undo" (fade),
//! and a brief one when teammates' changes arrive.
import { useEffect } from "react";
import type { Toast } from "../state/store";
import { AlertIcon, CloseIcon, InfoIcon } from "./Icons";
import { SyncIcon } from "./sync/SyncIcons";

/** How long an info or undo toast stays. */
export const TOAST_MS = 7000;
/** Teammates' changes: long enough to read during a meeting, short enough not to pile up. */
export const REMOTE_TOAST_MS = 4000;

const TEST_IDS = { info: "info-toast", undo: "undo-toast", remote: "remote-toast" } as const;

export interface ToastsProps {
  toasts: readonly Toast[];
  onDismiss: (id: number) => void;
  onUndo: () => void;
}

export function Toasts({ toasts, onDismiss, onUndo }: ToastsProps) {
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} onDismiss={onDismiss} onUndo={onUndo} />
      ))}
    </div>
  );
}

function ToastItem({ toast, onDismiss, onUndo }: { toast: Toast; onDismiss: (id: number) => void; onUndo: () => void }) {
  const { id, kind } = toast;
  useEffect(() => {
    if (kind === "error") return;
    const timer = setTimeout(
      () => {
        onDismiss(id);
      },
      kind === "remote" ? REMOTE_TOAST_MS : TOAST_MS,
    );
    return () => {
      clearTimeout(timer);
    };
  }, [id, kind, onDismiss]);

  const close = (
    <button
      type="button"
      className="toast-close"
      aria-label="Dismiss"
      data-testid={kind === "error" ? "dismiss-error" : "dismiss-toast"}
      onClick={() => {
        onDismiss(id);
      }}
    >
      <CloseIcon />
    </button>
  );

  if (toast.kind === "error") {
    return (
      <div className="toast is-error" role="alert" data-testid="error-toast" data-error-code={toast.code}>
        <AlertIcon size={20} className="toast-icon" />
        <div className="toast-body">
          <p className="toast-title">{toast.title}</p>
          {toast.detail !== null && <p className="toast-detail">{toast.detail}</p>}
          <p className="toast-hint">{toast.hint}</p>
        </div>
        {close}
      </div>
    );
  }
  return (
    <div className={`toast is-${toast.kind}`} role="status" data-testid={TEST_IDS[toast.kind]}>
      {toast.kind === "remote" ? <SyncIcon size={18} className="toast-icon" /> : <InfoIcon size={20} className="toast-icon" />}
      <div className="toast-body">
        <p className="toast-message">{toast.message}</p>
      </div>
      {toast.kind === "undo" && (
        <button
          type="button"
          className="toast-action"
          data-testid="toast-undo"
          onClick={() => {
            onDismiss(id);
            onUndo();
          }}
        >
          Undo
        </button>
      )}
      {close}
    </div>
  );
}
