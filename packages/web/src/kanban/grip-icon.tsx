// The drag handle's symbol: two columns of dots, drawn inline (the app carries no icon set).
export function GripIcon({ size = 16 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false">
      {[6, 12, 18].flatMap((y) => [<circle key={`l${y}`} cx="9" cy={y} r="1.6" />, <circle key={`r${y}`} cx="15" cy={y} r="1.6" />])}
    </svg>
  );
}
