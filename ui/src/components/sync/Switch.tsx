//! An on/off switch (a button with the switch role), for settings that take effect as a whole.
export interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Read out with the switch; shown beside it by the caller. */
  labelledBy: string;
  describedBy?: string;
  testId?: string;
}

export function Switch({ checked, onChange, labelledBy, describedBy, testId }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      className="switch"
      aria-checked={checked}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      data-testid={testId}
      onClick={() => {
        onChange(!checked);
      }}
    >
      <span className="switch-thumb" aria-hidden="true" />
    </button>
  );
}
