//! What a card (or a backlog row) says about refinement at a glance: ready by the Definition
//! of Ready, the session flags, the other teams it waits on, blocked or parked, waiting for
//! someone's input, too big or too vague.
import type { StoryView } from "../../bindings/StoryView";
import { FLAG_NAMES } from "../../model/labels";
import { CheckIcon } from "../Icons";
import { labelStyle, useLabelColors } from "../labelColors";
import { BlockedIcon, CommentIcon, FlagIcon, PauseIcon, QuestionIcon, WarningIcon } from "./RefineIcons";

export function ReadyBadge() {
  return (
    <span className="ready-badge" data-testid="ready-badge" title="Meets the Definition of Ready">
      <CheckIcon size={12} />
      <span>Ready</span>
    </span>
  );
}

/** One marker per flag, named in words so it reads from the back of the room. */
export function FlagMarkers({ flags }: { flags: StoryView["flags"] }) {
  return (
    <>
      {flags.map((flag) => (
        <span key={flag} className={`card-marker is-flag is-${flag}`} data-testid="flag-marker" title={`Flagged: ${FLAG_NAMES[flag]}`}>
          <FlagIcon size={13} />
          <span>{FLAG_NAMES[flag]}</span>
        </span>
      ))}
    </>
  );
}

/** The story's labels that the team gave a colour (the map's legend names them); others stay in the panel. */
export function ColoredLabels({ labels }: { labels: readonly string[] }) {
  const colors = useLabelColors();
  return (
    <>
      {labels
        .filter((label) => Object.hasOwn(colors.labelColors, label))
        .map((label) => (
          <span key={label} className="card-label" data-testid="card-label" style={labelStyle(colors, label)}>
            {label}
          </span>
        ))}
    </>
  );
}

/** One marker per other team the story still waits on, named, like a flag. */
export function CrossTeamMarkers({ dependencies }: { dependencies: StoryView["externalDependencies"] }) {
  const teams = [...new Set(dependencies.filter((d) => d.status !== "done").map((d) => d.team))];
  return (
    <>
      {teams.map((team) => (
        <span key={team} className="card-marker is-crossteam" data-testid="crossteam-marker" title={`Waits on ${team}`}>
          <span aria-hidden="true">⇄</span>
          <span>{team}</span>
        </span>
      ))}
    </>
  );
}

export function CardMarkers({
  story,
}: {
  story: Pick<StoryView, "flags" | "labels" | "blockedReason" | "parkedReason" | "needsInputFrom" | "refinement" | "comments" | "externalDependencies">;
}) {
  return (
    <>
      <FlagMarkers flags={story.flags} />
      <CrossTeamMarkers dependencies={story.externalDependencies} />
      <ColoredLabels labels={story.labels} />
      {story.blockedReason !== null && (
        <span className="card-marker is-blocked" data-testid="blocked-marker" title={`Blocked: ${story.blockedReason}`}>
          <BlockedIcon size={13} />
          <span>Blocked</span>
        </span>
      )}
      {story.parkedReason !== null && (
        <span className="card-marker is-parked" data-testid="parked-marker" title={`Parked: ${story.parkedReason}`}>
          <PauseIcon size={13} />
          <span>Parked</span>
        </span>
      )}
      {story.needsInputFrom !== null && (
        <span className="card-marker is-input" data-testid="needs-input-marker" title={`Needs input from ${story.needsInputFrom}`}>
          <QuestionIcon size={13} />
          <span>{story.needsInputFrom}</span>
        </span>
      )}
      {story.comments.length > 0 && (
        <span
          className="card-marker is-comments"
          data-testid="comment-count"
          role="img"
          title={story.comments.length === 1 ? "1 comment" : `${story.comments.length.toString()} comments`}
          aria-label={story.comments.length === 1 ? "1 comment" : `${story.comments.length.toString()} comments`}
        >
          <CommentIcon size={13} />
          <span>{story.comments.length}</span>
        </span>
      )}
      {story.refinement.tooBigOrVague && (
        <span
          className="card-marker is-warning"
          data-testid="too-big-marker"
          title="Too big or too vague: two or more INVEST letters fail"
          role="img"
          aria-label="Too big or too vague"
        >
          <WarningIcon size={13} />
        </span>
      )}
    </>
  );
}
