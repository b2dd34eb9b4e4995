import { scaleLinear } from 'd3';
import { useState } from 'react';
import { openHistoryFile, setHistoryOpen, showRunHistory, useHistory } from '../../store/historyStore';
import { useSim } from '../../store/simStore';
import type { ClientHistoryView, HistoryBar } from '../../view/clientHistory';
import { text } from '../../view/text';

const t = text.history;

const WIDTH = 640;
const LANE_H = 30;
const LABEL_W = 44;
const TOP = 8;

function verdictLines(view: ClientHistoryView): string[] {
  if (view.verdict === 'linearizable') return [t.linearizable];
  if (view.verdict === 'unknown') return [t.unknown];
  const unorderable = view.bars.filter((bar) => bar.mark === 'unorderable' || bar.mark === 'culprit').length;
  return [
    t.notLinearizable,
    t.prefix(view.prefix.length, view.prefix.join(', ')),
    t.culprit(view.culprit ?? '', view.answer),
    t.unorderable(unorderable),
  ];
}

// About 5.5 px a character at the caption's 10 px size.
const CHAR_W = 5.5;

function fitted(caption: string, widthPx: number): string {
  const room = Math.max(4, Math.floor(widthPx / CHAR_W));
  return caption.length > room ? `${caption.slice(0, room - 1)}…` : caption;
}

function Bar({
  bar,
  y,
  x,
  end,
  room,
  onOpen,
  onHover,
}: {
  bar: HistoryBar;
  y: number;
  x: (v: number) => number;
  end: number;
  /** Pixels free for the caption: to the next bar on its row, or the chart's edge. */
  room: number;
  onOpen: (() => void) | null;
  onHover: (bar: HistoryBar | null) => void;
}) {
  const from = x(bar.call);
  const to = Math.max(from + 3, x(bar.ret ?? end));
  const name = t.barLabel(bar.lane, bar.label, bar.result, bar.point !== null, bar.stale);
  const caption = `${bar.label}${bar.result === '' ? '' : ` → ${bar.result}`}${bar.stale ? ` · ${t.stale}` : ''}`;
  return (
    <g
      className={`hist-bar hist-mark-${bar.mark}${bar.stale ? ' hist-stale' : ''}${bar.ret === null ? ' hist-open' : ''}`}
      role={onOpen === null ? 'listitem' : 'button'}
      aria-label={name}
      tabIndex={onOpen === null ? undefined : 0}
      onClick={onOpen ?? undefined}
      onKeyDown={(event) => {
        if (onOpen !== null && (event.key === 'Enter' || event.key === ' ')) {
          event.preventDefault();
          onOpen();
        }
      }}
      onMouseEnter={() => onHover(bar)}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover(bar)}
      onBlur={() => onHover(null)}
    >
      <rect x={from} y={y + 12} width={to - from} height={12} rx={3} />
      <text x={from + 2} y={y + 9} className="hist-caption">
        {fitted(caption, room)}
      </text>
      {bar.point !== null && (
        <path
          className="hist-point"
          d={`M ${x(bar.point)} ${y + 12} l 6 6 l -6 6 l -6 -6 z`}
          aria-label={t.marks.point}
          role="img"
        />
      )}
    </g>
  );
}

/** Per bar, the pixels from its start to the next bar's start on the same row (or the edge). */
function captionRooms(bars: readonly HistoryBar[], x: (v: number) => number, edge: number): Map<number, number> {
  const byRow = new Map<string, HistoryBar[]>();
  for (const bar of bars) {
    const key = `${bar.lane}/${bar.row}`;
    byRow.set(key, [...(byRow.get(key) ?? []), bar]);
  }
  const rooms = new Map<number, number>();
  for (const row of byRow.values()) {
    const sorted = [...row].sort((a, b) => a.call - b.call);
    sorted.forEach((bar, k) => {
      const next = sorted[k + 1];
      rooms.set(bar.id, (next === undefined ? edge : x(next.call)) - x(bar.call) - 4);
    });
  }
  return rooms;
}

function HistoryActions({ open, view }: { open: boolean; view: ClientHistoryView | null }) {
  return (
    <div className="history-actions">
      <label className="history-toggle">
        <input type="checkbox" checked={open} onChange={(event) => setHistoryOpen(event.currentTarget.checked)} />{' '}
        {t.toggle}
      </label>
      {view?.file != null && (
        <button type="button" className="btn btn-small" onClick={showRunHistory}>
          {t.backToRun}
        </button>
      )}
      <label className="btn btn-small">
        {t.openFile}
        <input
          type="file"
          className="visually-hidden"
          aria-label={t.fileLabel}
          onChange={(event) => {
            const chosen = event.currentTarget.files?.[0];
            if (chosen !== undefined) void openHistoryFile(chosen);
            // Choosing the same file again still opens it.
            event.currentTarget.value = '';
          }}
        />
      </label>
    </div>
  );
}

function HistoryChart({ view, onHover }: { view: ClientHistoryView; onHover: (bar: HistoryBar | null) => void }) {
  const now = useSim((s) => s.now);
  const send = useSim((s) => s.send);
  const runView = view.file === null;
  const x = scaleLinear()
    .domain([view.start, view.end])
    .range([LABEL_W, WIDTH - 8]);
  // Each lane is as tall as its rows: a session's overlapping (async) calls stack.
  const firstRow: number[] = [];
  view.rows.reduce((sum, rows, k) => {
    firstRow[k] = sum;
    return sum + rows;
  }, 0);
  const totalRows = view.rows.reduce((sum, rows) => sum + rows, 0);
  const height = TOP + totalRows * LANE_H + 4;
  const laneOf = new Map(view.lanes.map((lane, k) => [lane, k]));
  const rowTop = (bar: HistoryBar): number => TOP + ((firstRow[laneOf.get(bar.lane) ?? 0] ?? 0) + bar.row) * LANE_H;
  const laneY = (k: number): number => TOP + (firstRow[k] ?? 0) * LANE_H + 18;
  const rooms = captionRooms(view.bars, x, WIDTH - 8);
  return (
    <svg
      className="history-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role={runView ? 'group' : 'list'}
      aria-label={t.region}
    >
      {view.lanes.map((lane, k) => (
        <g key={lane} aria-label={t.laneLabel(lane)}>
          <line className="hist-lane" x1={LABEL_W} x2={WIDTH - 8} y1={laneY(k)} y2={laneY(k)} />
          <text className="hist-lane-name" x={4} y={laneY(k) + 4}>
            {lane}
          </text>
        </g>
      ))}
      {runView && now >= view.start && (
        <line className="hist-now" x1={x(Math.min(now, view.end))} x2={x(Math.min(now, view.end))} y1={0} y2={height} />
      )}
      {view.bars.map((bar) => (
        <Bar
          key={bar.id}
          bar={bar}
          y={rowTop(bar)}
          x={x}
          room={rooms.get(bar.id) ?? 0}
          end={view.end}
          onHover={onHover}
          onOpen={bar.invokeEvent === null ? null : () => send({ type: 'seek-event', index: bar.invokeEvent! })}
        />
      ))}
    </svg>
  );
}

export function ClientHistory() {
  const { open, view, error } = useHistory();
  const [hover, setHover] = useState<HistoryBar | null>(null);
  const at = (v: number): string => (view?.unit === 'line' ? t.atLine(v) : t.atMs(v));
  return (
    <section className="panel history-panel" aria-labelledby="history-title">
      <div className="panel-head">
        <h2 id="history-title">{t.region}</h2>
        <HistoryActions open={open} view={view} />
      </div>
      {error !== null && (
        <p role="alert" className="history-error">
          {error}
        </p>
      )}
      {open && view !== null && (
        <div className="history-body">
          <p className="history-source">{view.file === null ? t.runSource : t.fileSource(view.file, view.model)}</p>
          {view.bars.length === 0 ? (
            <p className="history-empty">{t.empty}</p>
          ) : (
            <>
              <div className={`history-verdict history-${view.verdict}`} data-testid="history-verdict">
                {verdictLines(view).map((line) => (
                  <p key={line}>{line}</p>
                ))}
              </div>
              {view.total > view.bars.length && (
                <p className="history-note">{t.showing(view.bars.length, view.total)}</p>
              )}
              <HistoryChart view={view} onHover={setHover} />
              <p className="history-detail">
                {hover === null
                  ? ' '
                  : `${t.detail(hover.label, hover.result, at(hover.call), hover.ret === null ? t.pending : at(hover.ret))}${
                      hover.stale ? ` · ${t.staleWhy}` : ''
                    }`}
              </p>
            </>
          )}
        </div>
      )}
    </section>
  );
}
