//! Why a dialog's request was refused, in the backend's words, under the fields it concerns.
import { AlertIcon } from "../Icons";

export function FormError({ message, testId }: { message: string; testId: string }) {
  return (
    <p className="form-error" role="alert" data-testid={testId}>
      <AlertIcon size={16} />
      <span>{message}</span>
    </p>
  );
}
