//! The top bar's persona filter: show only the cards serving one persona (or no one), the
//! others dimmed like a search; its last entry opens the personas themselves.
import { useState } from "react";
import type { PersonaView } from "../../bindings/PersonaView";
import { ChevronDownIcon } from "../Icons";
import type { PersonaFilter } from "../../model/personaFilter";
import { PersonaAvatar, personaById } from "./PersonaChip";
import { PersonIcon } from "./PersonaIcons";

const ALL = "";
const NONE = "-none-";
const MANAGE = "-manage-";

export function PersonaFilterSelect({
  personas,
  filter,
  counts,
  onChange,
  onManage,
}: {
  personas: readonly PersonaView[];
  filter: PersonaFilter;
  counts: { byId: ReadonlyMap<string, number>; none: number };
  onChange: (filter: PersonaFilter) => void;
  onManage: () => void;
}) {
  const value = filter === null ? ALL : (filter.personaId ?? NONE);
  // Choosing "Edit personas…" leaves the filter as it was; a fresh picker then, as WebKitGTK's
  // kept the entry chosen and sent no change for the next choice.
  const [generation, setGeneration] = useState(0);
  const shown = filter === null ? null : personaById(personas, filter.personaId);
  return (
    <label
      className={filter === null ? "persona-filter" : "persona-filter is-active"}
      title={shown ? `Showing the cards for ${shown.name}` : "Show the cards for a persona"}
    >
      {shown ? <PersonaAvatar persona={shown} size="sm" /> : <PersonIcon size={14} />}
      <select
        key={generation}
        data-testid="persona-filter"
        aria-label="Show only the cards for a persona"
        value={value}
        onChange={(event) => {
          const next = event.target.value;
          if (next === MANAGE) {
            setGeneration((n) => n + 1);
            onManage();
          } else onChange(next === ALL ? null : { personaId: next === NONE ? null : next });
        }}
      >
        <option value={ALL}>{personas.length === 0 ? "No personas" : "All personas"}</option>
        {personas.map((persona) => (
          <option key={persona.id} value={persona.id}>
            {persona.name} ({(counts.byId.get(persona.id) ?? 0).toString()})
          </option>
        ))}
        {personas.length > 0 && <option value={NONE}>For no one yet ({counts.none.toString()})</option>}
        <option value={MANAGE}>{personas.length === 0 ? "Add personas…" : "Edit personas…"}</option>
      </select>
      <ChevronDownIcon size={14} className="persona-filter-caret" />
    </label>
  );
}
