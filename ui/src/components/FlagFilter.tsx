//! The map's flag filter: show only the cards carrying one session flag (risky, unclear,
//! research needed, discussion needed), the others dimmed like a search. Before a session
//! a POPM walks the risky or unclear cards first.
import type { StoryFlag } from "../bindings/StoryFlag";
import type { StoryView } from "../bindings/StoryView";
import { FLAG_NAMES, FLAGS } from "../model/labels";
import { ChevronDownIcon } from "./Icons";
import { FlagIcon } from "./refine/RefineIcons";

/** How many cards carry each flag. */
export function flagCounts(stories: readonly StoryView[]): Record<StoryFlag, number> {
  const counts = Object.fromEntries(FLAGS.map((flag) => [flag, 0])) as Record<StoryFlag, number>;
  for (const story of stories) {
    for (const flag of story.flags) counts[flag] += 1;
  }
  return counts;
}

export function FlagFilter({
  flag,
  counts,
  onChange,
}: {
  flag: StoryFlag | null;
  counts: Readonly<Record<StoryFlag, number>>;
  onChange: (flag: StoryFlag | null) => void;
}) {
  return (
    <label className={flag === null ? "flag-filter" : `flag-filter is-active is-${flag}`}>
      <FlagIcon size={14} />
      <select
        data-testid="flag-filter"
        aria-label="Show only the cards with a flag"
        value={flag ?? ""}
        onChange={(event) => {
          const value = event.target.value;
          onChange(value === "" ? null : (value as StoryFlag));
        }}
      >
        <option value="">All cards</option>
        {FLAGS.map((each) => (
          <option key={each} value={each}>
            {FLAG_NAMES[each]} ({counts[each]})
          </option>
        ))}
      </select>
      <ChevronDownIcon size={14} className="flag-filter-caret" />
    </label>
  );
}
