//! The map's label colours from its settings, with the text colour Rust picked for each
//! (`labelTextColors`): a chip's style, the colour control on a label chip, and the legend of
//! coloured labels on the map. No colour rule lives here.
import { createContext, useContext } from "react";
import type { MapSettingsView } from "../bindings/MapSettingsView";
import type { SendEdit } from "./refine/send";

export type LabelColors = Pick<MapSettingsView, "labelColors" | "labelTextColors">;

export const LabelColorsContext = createContext<LabelColors>({ labelColors: {}, labelTextColors: {} });

export function useLabelColors(): LabelColors {
  return useContext(LabelColorsContext);
}

/** The chip's colours, or nothing for a label without a colour. */
export function labelStyle(colors: LabelColors, label: string): React.CSSProperties | undefined {
  if (!Object.hasOwn(colors.labelColors, label)) return undefined;
  return { background: colors.labelColors[label], color: colors.labelTextColors[label], borderColor: colors.labelColors[label] };
}

/** Picks a label's colour for the whole map, or takes it off. */
export function LabelColorControl({ label, colors, send }: { label: string; colors: LabelColors; send: SendEdit }) {
  const colored = Object.hasOwn(colors.labelColors, label);
  return (
    <>
      <input
        type="color"
        className="chip-color"
        aria-label={`Colour of label ${label}`}
        data-testid="label-color"
        value={colored ? colors.labelColors[label] : "#cbd5e1"}
        onChange={(event) => {
          void send({ kind: "setLabelColor", label, color: event.target.value });
        }}
      />
      {colored && (
        <button
          type="button"
          className="chip-color-clear"
          aria-label={`Take the colour off label ${label}`}
          onClick={() => {
            void send({ kind: "setLabelColor", label, color: null });
          }}
        >
          ∅
        </button>
      )}
    </>
  );
}

/** The coloured labels, by name, over the map's corner; nothing when no label has a colour. */
export function LabelLegend({ settings }: { settings: LabelColors }) {
  const labels = Object.keys(settings.labelColors).sort((a, b) => a.localeCompare(b));
  if (labels.length === 0) return null;
  return (
    <div className="label-legend" data-testid="label-legend" role="note" aria-label="Label colours">
      <span className="label-legend-title">Labels</span>
      {labels.map((label) => (
        <span key={label} className="label-legend-chip" style={labelStyle(settings, label)}>
          {label}
        </span>
      ))}
    </div>
  );
}
