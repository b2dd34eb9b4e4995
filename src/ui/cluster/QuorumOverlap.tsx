// The overlap of two quorums on the ring: the latest quorum (solid outline), the earlier one it must share a server
// with (dashed), and the servers in both (filled halo), with a caption in words. It renders the store only.
import type { QuorumOverlapView, QuorumView } from '../../view/projections';
import type { RingLayout } from '../../view/cluster/layout';
import { text } from '../../view/text';

const t = text.cluster;

const names = (servers: readonly number[]): string => servers.map((s) => `n${s}`).join(' ');

/** Rings around the servers of both quorums, drawn over the nodes (they take no pointer events). */
export function OverlapRings({ layout, overlap }: { layout: RingLayout; overlap: QuorumOverlapView }) {
  const r = layout.nodeRadius;
  const shared = new Set(overlap.shared);
  return (
    <g className="quorum-overlap" aria-hidden="true">
      {layout.servers.map((spot) => {
        const inCurrent = overlap.current.voters.includes(spot.id);
        const inPrevious = overlap.previous.voters.includes(spot.id);
        if (!inCurrent && !inPrevious) return null;
        return (
          <g key={spot.id}>
            {shared.has(spot.id) && <circle className="overlap-shared" cx={spot.x} cy={spot.y} r={r * 1.55} />}
            {inPrevious && <circle className="overlap-previous" cx={spot.x} cy={spot.y} r={r * 1.38} />}
            {inCurrent && <circle className="overlap-current" cx={spot.x} cy={spot.y} r={r * 1.22} />}
          </g>
        );
      })}
    </g>
  );
}

function quorumText(q: QuorumView): string {
  return t.overlapQuorum(q);
}

/** The toggle and, when on, the overlap in words (a lesson step may turn it on). */
export function OverlapControl({
  on,
  forced,
  overlap,
  onToggle,
}: {
  on: boolean;
  forced: boolean;
  overlap: QuorumOverlapView | null;
  onToggle: (on: boolean) => void;
}) {
  const shown = on || forced;
  return (
    <div className="overlap-control">
      <label title={t.overlapTitle}>
        <input type="checkbox" checked={shown} disabled={forced} onChange={(e) => onToggle(e.target.checked)} />
        {t.overlapToggle}
      </label>
      {shown && (
        <p className="overlap-caption" data-testid="overlap-caption">
          {overlap === null ? (
            t.overlapNone
          ) : (
            <>
              {t.overlapCaption(
                quorumText(overlap.current),
                names(overlap.current.voters),
                quorumText(overlap.previous),
                names(overlap.previous.voters),
              )}{' '}
              <strong className={overlap.shared.length === 0 ? 'overlap-disjoint' : undefined}>
                {overlap.shared.length === 0 ? t.overlapDisjoint : t.overlapShared(names(overlap.shared))}
              </strong>
              <span className="overlap-legend">
                <span className="overlap-key overlap-key-current" /> {t.overlapLegendCurrent}
                <span className="overlap-key overlap-key-previous" /> {t.overlapLegendPrevious}
                <span className="overlap-key overlap-key-shared" /> {t.overlapLegendShared}
              </span>
            </>
          )}
        </p>
      )}
    </div>
  );
}
