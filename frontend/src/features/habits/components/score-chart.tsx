import { useLingui } from "@lingui/react";
import { formatMonth, formatShortWithYear } from "@/lib/dates";
import { formatScore, habitColours } from "./format";

const WIDTH = 600;
const HEIGHT = 160;

/**
 * The history from the habit's first entry on (`firstEntry`, from the stats API; null: none yet).
 * Before it the API repeats the starting score (0 %, or 100 % for an at-most habit), which is no
 * data, not a score: it would be read as the start and could be the highest value.
 */
export function fromFirstEntry<T extends { date: string }>(points: T[], firstEntry: string | null): T[] {
  return firstEntry === null ? [] : points.filter((point) => point.date >= firstEntry);
}

/**
 * Habit strength over time, hand-drawn: an SVG that stretches to any width for the line and area,
 * with the axis labels in HTML so text never stretches with it.
 */
export default function ScoreChart({
  history: fullHistory,
  firstEntry,
  color,
}: {
  history: { date: string; score: number }[];
  firstEntry: string | null;
  color: string;
}) {
  const { i18n } = useLingui();
  const history = fromFirstEntry(fullHistory, firstEntry);
  if (history.length < 2) {
    return <p className="hint">{i18n._("The score chart appears once the habit has a few days of history.")}</p>;
  }
  const x = (index: number) => (index / (history.length - 1)) * WIDTH;
  const y = (score: number) => (1 - score) * HEIGHT;
  const line = history
    .map((point, index) => `${index === 0 ? "M" : "L"}${x(index).toFixed(1)},${y(point.score).toFixed(1)}`)
    .join("");
  const area = `${line}L${WIDTH},${HEIGHT}L0,${HEIGHT}Z`;
  const first = history[0]!;
  const last = history[history.length - 1]!;
  const best = history.reduce((top, point) => (point.score > top.score ? point : top), first);
  const monthTicks = history
    .map((point, index) => ({ point, index }))
    .filter(({ point, index }) => point.date.endsWith("-01") && index > 0 && index < history.length - 1);
  const summary = i18n._("Score from {start} to {end}: started at {first}, now {last}, highest {best} on {bestDate}.", {
    start: formatShortWithYear(first.date),
    end: formatShortWithYear(last.date),
    first: formatScore(first.score),
    last: formatScore(last.score),
    best: formatScore(best.score),
    bestDate: formatShortWithYear(best.date),
  });

  return (
    <figure className="chart" style={habitColours(color)}>
      <div className="chart-body">
        <div className="chart-y" aria-hidden="true">
          <span>{formatScore(1)}</span>
          <span>{formatScore(0.5)}</span>
          <span>{formatScore(0)}</span>
        </div>
        <div className="chart-plot">
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={summary}>
            {[0, 0.5, 1].map((level) => (
              <line
                key={level}
                x1={0}
                x2={WIDTH}
                y1={y(level)}
                y2={y(level)}
                className="chart-grid"
                vectorEffect="non-scaling-stroke"
              />
            ))}
            <path d={area} className="chart-area" />
            <path d={line} className="chart-line" vectorEffect="non-scaling-stroke" />
          </svg>
          <div className="chart-x" aria-hidden="true">
            {monthTicks.map(({ point, index }) => (
              <span key={point.date} style={{ left: `${(index / (history.length - 1)) * 100}%` }}>
                {formatMonth(point.date)}
              </span>
            ))}
          </div>
        </div>
      </div>
      <figcaption className="hint">{summary}</figcaption>
    </figure>
  );
}
