//! Icons for importing and exporting: a table (CSV), a text outline, a picture, a printed page.
import { Svg, type IconProps } from "../Icons";

export function TableIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="2.25" y="2.75" width="11.5" height="10.5" rx="1.5" />
      <path d="M2.25 6.25h11.5M2.25 9.75h11.5M6.25 6.25v7" />
    </Svg>
  );
}

export function OutlineIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M2.5 3.5h2M6.5 3.5h7M4.5 8h2M8.5 8h5M4.5 12.5h2M8.5 12.5h5" />
    </Svg>
  );
}

export function PictureIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="2.25" y="2.75" width="11.5" height="10.5" rx="1.5" />
      <circle cx="5.75" cy="6.25" r="1.1" />
      <path d="m2.75 12 3.6-3.4 2.4 2.2 1.9-1.7 2.6 2.4" />
    </Svg>
  );
}

export function PageIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M4 1.75h5.25L12.5 5v8.25c0 .55-.45 1-1 1H4c-.55 0-1-.45-1-1V2.75c0-.55.45-1 1-1Z" />
      <path d="M9.25 1.75V5h3.25M5.5 8.5h4.5M5.5 11h3" />
    </Svg>
  );
}

export function WebPageIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="1.75" y="2.5" width="12.5" height="11" rx="1.25" />
      <path d="M1.75 5.5h12.5M4.5 8.25h7M4.5 10.75h4.5" />
    </Svg>
  );
}

export function ArchiveIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="2" y="2.75" width="12" height="3.25" rx="1" />
      <path d="M3 6v6.25c0 .55.45 1 1 1h8c.55 0 1-.45 1-1V6M6.5 8.75h3" />
    </Svg>
  );
}
