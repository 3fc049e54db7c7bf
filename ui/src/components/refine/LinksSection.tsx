//! A story's links to wireframes, mock-ups and specs, shown by title. A click asks the system
//! to open the URL in the browser or mail client (never inside this window); Rust refuses
//! any scheme but http, https and mailto, and so does the window's capability.
import { useState } from "react";
import type { StoryView } from "../../bindings/StoryView";
import { LINK_TITLE_MAX_CHARS, LINK_URL_MAX_CHARS } from "../../bindings/rules";
import { TrashIcon } from "../Icons";
import { ExternalIcon, LinkIcon } from "./RefineIcons";
import { PanelSection } from "./StoryBasics";
import type { SendEdit } from "./send";

export function LinksSection({ story, send, onOpen }: { story: StoryView; send: SendEdit; onOpen: (url: string) => void }) {
  const [title, setTitle] = useState("");
  const [url, setUrl] = useState("");
  const add = () => {
    if (url.trim() === "") return;
    void send({ kind: "addLink", storyId: story.id, title, url }).then((change) => {
      // Kept on a refusal, so the person can fix the URL the message names.
      if (change !== null) {
        setTitle("");
        setUrl("");
      }
    });
  };
  return (
    <PanelSection title="Links">
      {story.links.length === 0 ? (
        <p className="field-help">Wireframes, mock-ups, specs: link them here.</p>
      ) : (
        <ul className="link-list" data-testid="link-list">
          {story.links.map((link) => (
            <li key={link.id} className="link-row" data-testid="story-link">
              <button
                type="button"
                className="link-open"
                title={`Open ${link.url} in your browser`}
                onClick={() => {
                  onOpen(link.url);
                }}
              >
                <LinkIcon size={14} />
                <span className="link-title">{link.title}</span>
                <ExternalIcon size={13} />
              </button>
              <button
                type="button"
                className="icon-button is-small is-danger"
                aria-label={`Remove the link ${link.title}`}
                title="Remove"
                onClick={() => {
                  void send({ kind: "deleteLink", storyId: story.id, linkId: link.id });
                }}
              >
                <TrashIcon size={14} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="add-link"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <input
          className="field-input"
          data-testid="link-title-input"
          aria-label="Link title"
          placeholder="Title (e.g. Checkout wireframe)"
          maxLength={LINK_TITLE_MAX_CHARS}
          value={title}
          onChange={(event) => { setTitle(event.target.value); }}
        />
        <input
          className="field-input"
          data-testid="link-url-input"
          aria-label="Link URL"
          placeholder="https://…"
          inputMode="url"
          maxLength={LINK_URL_MAX_CHARS}
          value={url}
          onChange={(event) => { setUrl(event.target.value); }}
        />
        <button type="submit" className="secondary-button" data-testid="link-add" disabled={url.trim() === ""}>
          Add link
        </button>
      </form>
    </PanelSection>
  );
}
