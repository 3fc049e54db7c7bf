//! A story's comment thread: oldest first, each with its author and time; `@name` mentions
//! (parsed in Rust) highlighted, and the ones naming me flagged. Only the author edits or
//! deletes a comment (Rust refuses anyone else; the buttons show only on my own).
import { useState } from "react";
import type { CommentView } from "../../bindings/CommentView";
import type { StoryView } from "../../bindings/StoryView";
import { COMMENT_MAX_CHARS } from "../../bindings/rules";
import { TrashIcon } from "../Icons";
import { PanelSection } from "./StoryBasics";
import type { SendEdit } from "./send";

/** The text with each `@mention` Rust found wrapped in a highlight. */
export function MentionText({ text, mentions }: { text: string; mentions: string[] }) {
  if (mentions.length === 0) return <>{text}</>;
  const escaped = mentions.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const parts = text.split(new RegExp(`(@(?:${escaped.join("|")}))(?![\\p{L}\\p{N}_-])`, "giu"));
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <mark key={index} className="mention" data-testid="mention">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function CommentItem({ story, comment, me, send }: { story: StoryView; comment: CommentView; me: string | null; send: SendEdit }) {
  const [draft, setDraft] = useState<string | null>(null);
  const mine = me !== null && comment.author === me;
  // Rust decides whether a teammate's comment names me (`mentionsYou`).
  const forMe = comment.mentionsYou === true;
  const save = () => {
    if (draft === null) return;
    const text = draft.trim();
    setDraft(null);
    if (text !== "" && text !== comment.text) {
      void send({ kind: "editComment", storyId: story.id, commentId: comment.id, text });
    }
  };
  return (
    <li className={forMe ? "comment is-for-me" : "comment"} data-testid="comment" data-comment-id={comment.id}>
      <header className="comment-head">
        <span className="comment-avatar" aria-hidden="true">
          {comment.author.trim().charAt(0).toUpperCase() || "?"}
        </span>
        <span className="comment-author">{comment.author}</span>
        <time className="comment-time" dateTime={comment.at} title={comment.at}>
          {when.format(new Date(comment.at))}
          {comment.editedAt !== undefined && " · edited"}
        </time>
        {forMe && (
          <span className="comment-for-me" data-testid="mentions-you">
            mentions you
          </span>
        )}
        {mine && draft === null && (
          <span className="comment-actions">
            <button type="button" className="text-button" onClick={() => { setDraft(comment.text); }}>
              Edit
            </button>
            <button
              type="button"
              className="icon-button is-small is-danger"
              aria-label="Delete this comment"
              title="Delete"
              onClick={() => {
                void send({ kind: "deleteComment", storyId: story.id, commentId: comment.id });
              }}
            >
              <TrashIcon size={14} />
            </button>
          </span>
        )}
      </header>
      {draft === null ? (
        <p className="comment-text" data-testid="comment-text">
          <MentionText text={comment.text} mentions={comment.mentions} />
        </p>
      ) : (
        <textarea
          className="field-textarea"
          aria-label="Edit the comment"
          maxLength={COMMENT_MAX_CHARS}
          rows={2}
          autoFocus
          value={draft}
          onChange={(event) => { setDraft(event.target.value); }}
          onBlur={save}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey) {
              event.preventDefault();
              save();
            } else if (event.key === "Escape") {
              event.preventDefault();
              event.stopPropagation();
              setDraft(null);
            }
          }}
        />
      )}
    </li>
  );
}

export function CommentsSection({ story, me, send }: { story: StoryView; me: string | null; send: SendEdit }) {
  const [draft, setDraft] = useState("");
  const comments = story.comments;
  const add = () => {
    const text = draft.trim();
    if (text === "") return;
    setDraft("");
    void send({ kind: "addComment", storyId: story.id, text });
  };
  return (
    <PanelSection
      title="Comments"
      aside={comments.length > 0 && <span className="section-count">{comments.length.toString()}</span>}
    >
      {comments.length === 0 ? (
        <p className="field-help">No comments yet. Ask a question, or @mention a teammate.</p>
      ) : (
        <ol className="comment-list" data-testid="comment-thread">
          {comments.map((comment) => (
            <CommentItem key={comment.id} story={story} comment={comment} me={me} send={send} />
          ))}
        </ol>
      )}
      <div className="add-comment">
        <textarea
          className="field-textarea"
          data-testid="comment-input"
          aria-label="Write a comment"
          placeholder={me === null ? "Write a comment…" : `Comment as ${me}… (@name mentions a teammate)`}
          maxLength={COMMENT_MAX_CHARS}
          rows={2}
          value={draft}
          onChange={(event) => { setDraft(event.target.value); }}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey) {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="secondary-button" data-testid="comment-send" disabled={draft.trim() === ""} onClick={add}>
          Comment
        </button>
      </div>
    </PanelSection>
  );
}
