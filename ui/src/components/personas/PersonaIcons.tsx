//! The persona icon: a head and shoulders, on the filter and the lane's corner.
import { Svg, type IconProps } from "../Icons";

export function PersonIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="8" cy="5.5" r="2.75" />
      <path d="M2.75 14c.6-2.9 2.7-4.5 5.25-4.5s4.65 1.6 5.25 4.5" />
    </Svg>
  );
}
