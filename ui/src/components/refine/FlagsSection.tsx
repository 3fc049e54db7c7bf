//! The story's session flags (risky, unclear, research needed, discussion needed): four
//! toggle buttons, each sending its edit at once.
import type { StoryView } from "../../bindings/StoryView";
import { FLAG_NAMES, FLAGS } from "../../model/labels";
import { FlagIcon } from "./RefineIcons";
import type { SendEdit } from "./send";
import { PanelSection } from "./StoryBasics";

export function FlagsSection({ story, send }: { story: StoryView; send: SendEdit }) {
  return (
    <PanelSection title="Flags for the session">
      <div className="flag-toggles" role="group" aria-label="Flags">
        {FLAGS.map((flag) => {
          const on = story.flags.includes(flag);
          return (
            <button
              key={flag}
              type="button"
              className={`flag-toggle is-${flag}`}
              aria-pressed={on}
              data-testid={`flag-toggle-${flag}`}
              onClick={() => {
                void send({ kind: "setFlag", storyId: story.id, flag, on: !on });
              }}
            >
              <FlagIcon size={13} />
              {FLAG_NAMES[flag]}
            </button>
          );
        })}
      </div>
    </PanelSection>
  );
}
