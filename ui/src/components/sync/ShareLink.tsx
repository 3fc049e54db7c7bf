//! A link to hand to teammates (the map's share link, an invitation), selectable, with a Copy
//! button that says when it worked.
import { useEffect, useState } from "react";
import { CheckIcon, CopyIcon } from "../Icons";

const COPIED_MS = 2000;

export interface ShareLinkProps {
  url: string;
  /** The field's accessible name. */
  label?: string;
  /** Test ids of the field and its Copy button. */
  testId?: string;
  copyTestId?: string;
  copyLabel?: string;
}

export function ShareLink({ url, label = "Share link", testId = "sync-share-url", copyTestId = "sync-copy-link", copyLabel = "Copy" }: ShareLinkProps) {
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (copy !== "copied") return;
    const timer = setTimeout(() => {
      setCopy("idle");
    }, COPIED_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [copy]);

  return (
    <div className="share-link">
      <div className="share-link-row">
        <input
          type="text"
          className="field-input share-link-url"
          data-testid={testId}
          aria-label={label}
          readOnly
          value={url}
          onFocus={(event) => {
            event.currentTarget.select();
          }}
        />
        <button
          type="button"
          className={copy === "copied" ? "secondary-button is-done" : "secondary-button"}
          data-testid={copyTestId}
          onClick={() => {
            navigator.clipboard.writeText(url).then(
              () => {
                setCopy("copied");
              },
              () => {
                setCopy("failed");
              },
            );
          }}
        >
          {copy === "copied" ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
          {copy === "copied" ? "Copied" : copyLabel}
        </button>
      </div>
      {copy === "failed" && (
        <p className="field-help is-error" role="alert">
          Couldn’t reach the clipboard: select the link and copy it with Ctrl+C.
        </p>
      )}
    </div>
  );
}
