interface CheckInToggleProps {
  habitName: string;
  done: boolean;
  onToggle: () => void;
}

/** The one-tap check-in of a yes-or-no habit: a checkbox named after the habit. */
export function CheckInToggle({ habitName, done, onToggle }: CheckInToggleProps) {
  return (
    <button
      type="button"
      role="checkbox"
      aria-checked={done}
      aria-label={habitName}
      className="check-button"
      onClick={onToggle}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M5 12.5l4.5 4.5L19 7.5" />
      </svg>
    </button>
  );
}
