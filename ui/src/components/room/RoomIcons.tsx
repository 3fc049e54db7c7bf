//! Icons for the room: presenting on a wall, the session timer, a poker card (16-unit grid).
import { Svg, type IconProps } from "../Icons";

export function PresentIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="1.8" y="2.5" width="12.4" height="8.5" rx="1.3" />
      <path d="M8 11v2.6M5.2 13.6h5.6" />
    </Svg>
  );
}

export function TimerIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="8" cy="9" r="5.4" />
      <path d="M8 6.2V9l1.7 1.5M6.3 1.8h3.4" />
    </Svg>
  );
}

export function CardsIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="5" y="2" width="7.5" height="10.5" rx="1.3" />
      <path d="M3.2 4.6 5.4 13a1.3 1.3 0 0 0 1.6.9l3.3-.9" />
    </Svg>
  );
}
