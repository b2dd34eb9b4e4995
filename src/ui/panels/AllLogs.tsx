// Every server's log side by side: one row a server, one column a slot, coloured by how far that slot got there
// (accepted, chosen, applied) and marked where the cluster decided a slot this server lacks.
import { memo } from 'react';
import { useSim } from '../../store/simStore';
import { LOG_CELL_CODES, type AllLogsView, type LogCell } from '../../view/projections';
import type { BreakingFocus } from '../../view/safety';
import { text } from '../../view/text';
import { useBreakingFocus } from './useBreakingFocus';

const t = text.allLogs;

/** A row read aloud: "slots 0–12 applied, slots 13–14 missing" (empty slots left out). */
function rowSummary(from: number, cells: string): string {
  const runs: string[] = [];
  let start = 0;
  for (let i = 1; i <= cells.length; i++) {
    if (i < cells.length && cells[i] === cells[start]) continue;
    const cell = LOG_CELL_CODES[cells[start]!] ?? 'none';
    if (cell !== 'none') runs.push(t.run(from + start, from + i - 1, t.cell[cell]));
    start = i;
  }
  return runs.length === 0 ? t.cell.none : runs.join(', ');
}

const LEGEND: readonly LogCell[] = ['applied', 'chosen', 'accepted', 'missing', 'none'];

export const AllLogs = memo(function AllLogs() {
  const logs = useSim((s) => s.detail?.logs);
  const focus = useBreakingFocus();
  return (
    <section className="panel all-logs" aria-label={t.region}>
      <div className="panel-head">
        <h2>{t.title}</h2>
        <ul className="all-logs-legend" aria-hidden="true">
          {LEGEND.map((cell) => (
            <li key={cell}>
              <span className={`all-logs-cell cell-${cell}`} />
              {t.cell[cell]}
            </li>
          ))}
        </ul>
      </div>
      {logs === undefined || logs.to <= logs.from ? (
        <p className="empty">{t.empty}</p>
      ) : (
        <Grid logs={logs} focus={focus} />
      )}
    </section>
  );
});

function Grid({ logs, focus }: { logs: AllLogsView; focus: BreakingFocus | null }) {
  const width = logs.to - logs.from;
  return (
    <table className="all-logs-grid" style={{ ['--slots' as string]: width }}>
      <caption className="visually-hidden">{t.caption(logs.from, logs.to)}</caption>
      <tbody>
        {logs.rows.map((row) => (
          <tr key={row.server} className={row.up ? undefined : 'all-logs-down'}>
            <th scope="row">{t.server(row.server, row.up)}</th>
            <td>
              <span className="visually-hidden">{rowSummary(logs.from, row.cells)}</span>
              <span className="all-logs-strip" aria-hidden="true">
                {row.cells.split('').map((code, k) => (
                  <span
                    key={k}
                    className={`all-logs-cell cell-${LOG_CELL_CODES[code] ?? 'none'}${
                      focus?.servers.has(row.server) === true && focus.slots.has(logs.from + k) ? ' cell-breaking' : ''
                    }`}
                    title={t.cellTitle(
                      t.server(row.server, row.up),
                      logs.from + k,
                      t.cell[LOG_CELL_CODES[code] ?? 'none'],
                    )}
                  />
                ))}
              </span>
            </td>
          </tr>
        ))}
        <tr className="all-logs-slots" aria-hidden="true">
          <th />
          <td>
            <span className="all-logs-strip">
              {Array.from({ length: width }, (_, k) => (
                <span key={k} className="all-logs-slot">
                  {(logs.from + k) % 5 === 0 ? logs.from + k : ''}
                </span>
              ))}
            </span>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
