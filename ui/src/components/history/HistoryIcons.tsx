//! Line icons for history, changes and conflicts, on the same 16-unit frame as the others.
import { Svg, type IconProps } from "../Icons";

/** A clock with an arrow turning back: what changed, and earlier versions. */
export function HistoryIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M2.6 8a5.4 5.4 0 1 0 1.6-3.8" />
      <path d="M2.5 2.6v2.6h2.6" />
      <path d="M8 5.2V8l2 1.4" />
    </Svg>
  );
}

/** Two paths parting: one field, two versions. */
export function ConflictIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="4" cy="3.5" r="1.5" />
      <circle cx="4" cy="12.5" r="1.5" />
      <circle cx="12" cy="6" r="1.5" />
      <path d="M4 5v6M4 9c0-2 1.8-3 6.5-3" />
    </Svg>
  );
}

/** An arrow turning back onto a card: restore. */
export function RestoreIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M3.5 7.5A4.6 4.6 0 1 1 5 11.6" />
      <path d="M1.9 5.6 3.5 7.6 5.5 6" />
    </Svg>
  );
}
