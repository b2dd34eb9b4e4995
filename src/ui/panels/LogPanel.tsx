import { memo, useCallback, useEffect, useRef, type RefObject, type UIEvent } from 'react';
import { useSim } from '../../store/simStore';
import type { LogEntryView, ServerDetail, ServerView } from '../../view/projections';
import { text } from '../../view/text';
import { zabText } from '../../view/zab/text';
import { liveRows, useStickToBottom } from './liveList';
import { useBreakingFocus } from './useBreakingFocus';

/** At most this many "missing here" rows after the log's end; the rest are summed up. */
const MAX_MISSING_ROWS = 30;

interface Row {
  readonly slot: number;
  readonly entry: LogEntryView | null;
  readonly stale: boolean;
  /** Under ZAB a txn logged but not committed is a proposal still waiting for its COMMIT (or for a TRUNC). */
  readonly zab: boolean;
  /** On a slot of this server the violation the safety monitor shows involves: its mark ("Agreement violated"). */
  readonly breaking: string | null;
}

/** The selected server's log rows, then the slots other servers decided that it lacks ("missing here"), at most
 *  MAX_MISSING_ROWS of them; `moreMissing` counts the rest. */
function logRows(
  detail: ServerDetail | null,
  zab: boolean,
  breaking: BreakingSlots | null,
): { rows: Row[]; moreMissing: number } {
  const rows: Row[] = [];
  if (detail === null) return { rows, moreMissing: 0 };
  for (const entry of detail.log)
    rows.push({
      slot: entry.slot,
      entry,
      stale: entry.slot < detail.clusterDecidedUpTo && !entry.chosen,
      zab,
      breaking: breaking?.slots.has(entry.slot) === true ? breaking.mark : null,
    });
  const end = detail.log.length === 0 ? 0 : detail.log[detail.log.length - 1]!.slot + 1;
  for (let slot = end; slot < detail.clusterDecidedUpTo; slot++) {
    if (rows.length > 0 && slot - end >= MAX_MISSING_ROWS)
      return { rows, moreMissing: detail.clusterDecidedUpTo - slot };
    rows.push({
      slot,
      entry: null,
      stale: true,
      zab,
      breaking: breaking?.slots.has(slot) === true ? breaking.mark : null,
    });
  }
  return { rows, moreMissing: 0 };
}

interface BreakingSlots {
  readonly slots: ReadonlySet<number>;
  /** "Agreement violated". */
  readonly mark: string;
}

/** The slots of server `shown` the violation the safety monitor shows involves, or null. */
function useBreakingSlots(shown: number): BreakingSlots | null {
  const focus = useBreakingFocus();
  return focus !== null && focus.servers.has(shown)
    ? { slots: focus.slots, mark: text.safety.caught(focus.name) }
    : null;
}

/** A violation just shown (`key` changed, not empty): its slot comes into view (the log keeps to its newest rows). */
function useScrollToBreaking(ref: RefObject<HTMLDivElement | null>, key: string): void {
  useEffect(() => {
    if (key === '') return;
    // Scrolls the panel only (scrollIntoView would scroll the page too, moving the ring out of view).
    const body = ref.current;
    const row = body?.querySelector('.log-breaking');
    if (body == null || row == null) return;
    const offset = row.getBoundingClientRect().top - body.getBoundingClientRect().top;
    if (offset < 0 || offset > body.clientHeight - row.clientHeight) body.scrollTop += offset - body.clientHeight / 3;
  }, [key, ref]);
}

export function LogPanel() {
  const detail = useSim((s) => s.detail);
  const servers = useSim((s) => s.servers);
  const selected = useSim((s) => s.selected);
  const playing = useSim((s) => s.playing);
  const send = useSim((s) => s.send);
  const shown = detail?.server ?? selected;
  const view = servers.find((s) => s.id === shown);

  const zab = view?.zab === true;
  const breaking = useBreakingSlots(shown);
  const { rows, moreMissing } = logRows(detail, zab, breaking);

  const scroller = useStickToBottom<HTMLDivElement>(detail, playing);
  useScrollToBreaking(
    scroller.ref,
    breaking === null ? '' : `${breaking.mark}:${shown}:${[...breaking.slots].join(',')}`,
  );
  const head = useRef<HTMLDivElement>(null);
  const stickOnScroll = scroller.onScroll;
  // A narrow panel scrolls the table sideways (the Transaction column keeps a minimum width): the heads follow.
  const onScroll = useCallback(
    (event: UIEvent<HTMLDivElement>) => {
      stickOnScroll(event);
      if (head.current !== null) head.current.scrollLeft = event.currentTarget.scrollLeft;
    },
    [stickOnScroll],
  );

  return (
    <section className="panel panel-log" aria-labelledby="log-title">
      <div className="panel-head">
        <h2 id="log-title">{text.log.title(shown)}</h2>
        <ServerSelect shown={shown} servers={servers} onSelect={(server) => send({ type: 'select', server })} />
      </div>
      {view !== undefined && (
        <p className="panel-sub">
          {view.up
            ? text.log.summary(view.decidedUpTo, view.appliedUpTo, detail?.clusterDecidedUpTo ?? 0)
            : text.log.down}
        </p>
      )}
      {rows.length > 0 && (
        // The column heads stay put above the scrolling rows (a sticky head made every row a layer of its own).
        <div className="log-head" aria-hidden="true" ref={head}>
          <table className="log-table">
            <LogColumns />
            <thead>
              <LogHeadRow zab={zab} />
            </thead>
          </table>
        </div>
      )}
      <div className="panel-body" ref={scroller.ref} onScroll={onScroll}>
        {rows.length === 0 ? (
          <p className="empty">{text.log.empty}</p>
        ) : (
          <table className="log-table">
            <LogColumns />
            <thead className="log-head-hidden">
              <LogHeadRow zab={zab} />
            </thead>
            <tbody>
              {liveRows(rows, playing).map((row) => (
                <LogRow key={row.slot} row={row} />
              ))}
              {moreMissing > 0 && (
                <tr className="log-row stale">
                  <td colSpan={5}>{text.log.moreMissing(moreMissing)}</td>
                </tr>
              )}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

function LogColumns() {
  return (
    <colgroup>
      <col className="log-col-slot" />
      <col className="log-col-ballot" />
      <col />
      <col className="log-col-state" />
      <col className="log-col-zxid" />
    </colgroup>
  );
}

function LogHeadRow({ zab }: { zab: boolean }) {
  return (
    <tr>
      <th scope="col">{text.log.slot}</th>
      <th scope="col">{zab ? zabText.epochColumn : text.log.ballot}</th>
      <th scope="col">{text.log.txn}</th>
      <th scope="col">{text.log.state}</th>
      <th scope="col">{text.log.zxid}</th>
    </tr>
  );
}

function ServerSelect({
  shown,
  servers,
  onSelect,
}: {
  shown: number;
  servers: readonly ServerView[];
  onSelect: (server: number) => void;
}) {
  return (
    <label className="panel-head-control">
      <span>{text.log.show}</span>
      <select value={shown} onChange={(event) => onSelect(Number(event.currentTarget.value))}>
        {servers.map((s) => (
          <option key={s.id} value={s.id}>
            {text.log.serverOption(s.id, text.cluster.role[s.role])}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Rows are rebuilt from fresh worker objects: compare by value, so only slots that changed render again. */
function sameRow(a: { row: Row }, b: { row: Row }): boolean {
  const x = a.row;
  const y = b.row;
  if (x.slot !== y.slot || x.stale !== y.stale || x.zab !== y.zab || x.breaking !== y.breaking) return false;
  if (x.entry === null || y.entry === null) return x.entry === y.entry;
  return (
    x.entry.ballot === y.entry.ballot &&
    x.entry.text === y.entry.text &&
    x.entry.chosen === y.entry.chosen &&
    x.entry.applied === y.entry.applied &&
    x.entry.zxid === y.entry.zxid
  );
}

const LogRow = memo(function LogRow({ row }: { row: Row }) {
  const entry = row.entry;
  const className = [
    'log-row',
    row.stale ? 'stale' : '',
    row.breaking !== null ? 'log-breaking' : '',
    entry?.applied
      ? 'applied'
      : entry?.chosen
        ? 'chosen'
        : entry !== null
          ? row.zab
            ? 'uncommitted'
            : 'accepted'
          : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <tr className={className}>
      <td className="num">{row.slot}</td>
      <td className="mono">{entry?.ballot ?? '-'}</td>
      <td className="txn" title={entry?.text}>
        {entry?.text ?? ''}
      </td>
      <td className="marks">
        {entry?.chosen && <span className="mark mark-chosen">{text.log.chosen}</span>}
        {entry?.applied && <span className="mark mark-applied">{text.log.applied}</span>}
        {entry !== null && !entry.chosen && !row.stale && row.zab && (
          <span className="mark mark-uncommitted">{zabText.uncommitted}</span>
        )}
        {entry !== null && !entry.chosen && !row.stale && !row.zab && (
          <span className="mark mark-accepted">{text.log.accepted}</span>
        )}
        {row.stale && <span className="mark mark-stale">{text.log.stale}</span>}
        {row.breaking !== null && <span className="mark mark-breaking">{row.breaking}</span>}
      </td>
      <td className="mono">{entry?.zxid ?? ''}</td>
    </tr>
  );
}, sameRow);
