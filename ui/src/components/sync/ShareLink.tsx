//! The map's share link, selectable, with a Copy button that says when it worked.
import { useEffect, useState } from "react";
import { CheckIcon, CopyIcon } from "../Icons";

const COPIED_MS = 2000;

export function ShareLink({ url }: { url: string }) {
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
          data-testid="sync-share-url"
          aria-label="Share link"
          readOnly
          value={url}
          onFocus={(event) => {
            event.currentTarget.select();
          }}
        />
        <button
          type="button"
          className={copy === "copied" ? "secondary-button is-done" : "secondary-button"}
          data-testid="sync-copy-link"
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
          {copy === "copied" ? "Copied" : "Copy"}
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
