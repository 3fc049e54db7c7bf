import type { Toast } from "../state/store";
import { AlertIcon, CloseIcon } from "./Icons";

export function Toasts({ toasts, onDismiss }: { toasts: readonly Toast[]; onDismiss: (id: number) => void }) {
  return (
    <div className="toasts" aria-live="assertive">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" role="alert" data-testid="error-toast" data-error-code={toast.code}>
          <AlertIcon size={20} className="toast-icon" />
          <div className="toast-body">
            <p className="toast-title">{toast.title}</p>
            {toast.detail !== null && <p className="toast-detail">{toast.detail}</p>}
            <p className="toast-hint">{toast.hint}</p>
          </div>
          <button
            type="button"
            className="toast-close"
            aria-label="Dismiss"
            data-testid="dismiss-error"
            onClick={() => {
              onDismiss(toast.id);
            }}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
