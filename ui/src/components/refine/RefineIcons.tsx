//! Line icons for the refinement screens, drawn like the map's (16-unit grid, `currentColor`).

import { Svg, type IconProps } from "../Icons";

export function GripIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M6 3.5v.01M10 3.5v.01M6 8v.01M10 8v.01M6 12.5v.01M10 12.5v.01" strokeWidth={2.2} />
    </Svg>
  );
}

export function SplitIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M8 13.5V8.5M8 8.5 4 4.5M8 8.5l4-4M4 4.5V7M4 4.5h2.5M12 4.5V7M12 4.5H9.5" />
    </Svg>
  );
}

export function WarningIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M8 2.75 14 13H2L8 2.75Z" />
      <path d="M8 6.75v2.75M8 11.3v.1" />
    </Svg>
  );
}

export function BlockedIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="8" cy="8" r="5.75" />
      <path d="M3.9 12.1l8.2-8.2" />
    </Svg>
  );
}

/** A pennant: a session flag (risky, unclear…) on a story. */
export function FlagIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M4 14V2.75M4 3h7.5l-1.75 3 1.75 3H4" />
    </Svg>
  );
}

export function PauseIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M6 4.5v7M10 4.5v7" />
    </Svg>
  );
}

export function QuestionIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="8" cy="8" r="6.25" />
      <path d="M6.4 6.3a1.7 1.7 0 1 1 2.4 1.55c-.5.25-.8.6-.8 1.15v.3M8 11.2v.1" />
    </Svg>
  );
}

export function DetailsIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="2.75" y="2.75" width="10.5" height="10.5" rx="2" />
      <path d="M9.5 2.75v10.5" />
    </Svg>
  );
}

export function LinkIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M6.75 9.25 9.25 6.75M7.25 4.75l.9-.9a2.5 2.5 0 0 1 3.5 3.5l-.9.9M8.75 11.25l-.9.9a2.5 2.5 0 0 1-3.5-3.5l.9-.9" />
    </Svg>
  );
}

export function SettingsIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M3 4.5h10M3 8h10M3 11.5h10" />
      <circle cx="6" cy="4.5" r="1.3" fill="var(--surface, #fff)" />
      <circle cx="10.5" cy="8" r="1.3" fill="var(--surface, #fff)" />
      <circle cx="5" cy="11.5" r="1.3" fill="var(--surface, #fff)" />
    </Svg>
  );
}

/** The WSJF heat overlay: a flame. */
export function HeatIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M8 14.5c2.6 0 4.5-1.8 4.5-4.4 0-2.9-2.4-4.4-3.2-7.6C7.6 4 6.9 5.6 7 7.3 6 6.8 5.5 5.9 5.3 5 4 6.2 3.5 7.9 3.5 10.1c0 2.6 1.9 4.4 4.5 4.4Z" />
      <path d="M8 14.5c-1.1 0-1.9-.8-1.9-1.9 0-1.2.9-1.9 1.9-3.1 1 1.2 1.9 1.9 1.9 3.1 0 1.1-.8 1.9-1.9 1.9Z" />
    </Svg>
  );
}

export function CommentIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M3 3.5h10a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H7.5L4.5 14v-2.5H3a1 1 0 0 1-1-1v-6a1 1 0 0 1 1-1Z" />
    </Svg>
  );
}

/** "Sort by WSJF": bars from the longest down. */
export function SortByScoreIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M2.5 4h11M2.5 8h7.5M2.5 12h4" />
    </Svg>
  );
}

export function ExternalIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M9.5 2.75h3.75V6.5M13.25 2.75 7.5 8.5M11.5 9.5v3a.75.75 0 0 1-.75.75h-7a.75.75 0 0 1-.75-.75v-7A.75.75 0 0 1 3.75 4.75h3" />
    </Svg>
  );
}
