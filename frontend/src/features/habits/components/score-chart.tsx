import { formatMonth, formatShort } from "@/lib/dates";
import { formatScore } from "./format";

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { top: 12, right: 12, bottom: 24, left: 36 };

/** Habit strength over time as a hand-drawn SVG line: no chart library, a few hundred bytes. */
export default function ScoreChart({ history, color }: { history: { date: string; score: number }[]; color: string }) {
  if (history.length < 2) {
    return <p className="hint">The score chart appears once the habit has a few days of history.</p>;
  }
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => PAD.left + (index / (history.length - 1)) * innerW;
  const y = (score: number) => PAD.top + (1 - score) * innerH;
  const line = history.map((point, index) => `${index === 0 ? "M" : "L"}${x(index).toFixed(1)},${y(point.score).toFixed(1)}`).join("");
  const area = `${line}L${x(history.length - 1).toFixed(1)},${y(0)}L${x(0)},${y(0)}Z`;
  const first = history[0]!;
  const last = history[history.length - 1]!;
  const best = history.reduce((top, point) => (point.score > top.score ? point : top), first);
  const monthTicks = history
    .map((point, index) => ({ point, index }))
    .filter(({ point, index }) => point.date.endsWith("-01") && index > 0);
  const summary = `Score from ${formatShort(first.date)} to ${formatShort(last.date)}: started at ${formatScore(first.score)}, now ${formatScore(last.score)}, highest ${formatScore(best.score)} on ${formatShort(best.date)}.`;

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} preserveAspectRatio="none">
        {[0, 0.5, 1].map((level) => (
          <g key={level}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(level)} y2={y(level)} className="chart-grid" />
            <text x={PAD.left - 6} y={y(level) + 4} textAnchor="end" className="chart-label">
              {level * 100}%
            </text>
          </g>
        ))}
        {monthTicks.map(({ point, index }) => (
          <text key={point.date} x={x(index)} y={HEIGHT - 6} textAnchor="middle" className="chart-label">
            {formatMonth(point.date)}
          </text>
        ))}
        <path d={area} fill={color} opacity={0.15} />
        <path d={line} fill="none" stroke={color} strokeWidth={2.5} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
        <circle cx={x(history.length - 1)} cy={y(last.score)} r={4} fill={color} />
      </svg>
      <figcaption className="hint">{summary}</figcaption>
    </figure>
  );
}
