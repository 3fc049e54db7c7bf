//! Line icons for sharing and sync, on the same 16-unit frame as the others.
import { Svg, type IconProps } from "../Icons";

/** Two arrows chasing each other: syncing, and teammates' changes arriving. */
export function SyncIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M13 6.5A5.1 5.1 0 0 0 3.6 5M3 9.5A5.1 5.1 0 0 0 12.4 11" />
      <path d="M3.4 2.6v2.6H6M12.6 13.4v-2.6H10" />
    </Svg>
  );
}

export function CloudCheckIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M4.6 12.75h6.9a2.9 2.9 0 0 0 .4-5.8 4 4 0 0 0-7.7.9 2.45 2.45 0 0 0 .4 4.9Z" />
      <path d="m6.3 9.4 1.3 1.25 2.3-2.4" />
    </Svg>
  );
}

export function CloudOffIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M6.3 4.2a4 4 0 0 1 5.6 2.75 2.9 2.9 0 0 1 1.7 4.9M10.9 12.75H4.6a2.45 2.45 0 0 1-.4-4.9 4 4 0 0 1 .5-1.6" />
      <path d="m2.5 2.5 11 11" />
    </Svg>
  );
}

/** A laptop: the map stays on this computer. */
export function LocalIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="3" y="3.25" width="10" height="7" rx="1.25" />
      <path d="M1.75 12.75h12.5" />
    </Svg>
  );
}

export function ShareIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="4.25" cy="8" r="1.75" />
      <circle cx="11.75" cy="4" r="1.75" />
      <circle cx="11.75" cy="12" r="1.75" />
      <path d="m5.8 7.2 4.4-2.4M5.8 8.8l4.4 2.4" />
    </Svg>
  );
}

export function ImportIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M8 2.25v7.5M5 6.9 8 9.9l3-3" />
      <path d="M2.75 10.5v1.75c0 .8.7 1.5 1.5 1.5h7.5c.8 0 1.5-.7 1.5-1.5V10.5" />
    </Svg>
  );
}

export function ExportIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M8 9.9V2.4M5 5.25l3-3 3 3" />
      <path d="M2.75 10.5v1.75c0 .8.7 1.5 1.5 1.5h7.5c.8 0 1.5-.7 1.5-1.5V10.5" />
    </Svg>
  );
}
