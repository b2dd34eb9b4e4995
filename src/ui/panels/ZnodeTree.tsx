import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, type Ref } from 'react';
import { useSim } from '../../store/simStore';
import type { ZnodeView } from '../../view/projections';
import { text } from '../../view/text';
import { siblingPositions } from './treePositions';

/** A row's height before it is measured (one line; watch chips can wrap to a second). */
const ROW_ESTIMATE = 24;
/** Rows drawn beyond the visible ones, so scrolling shows no gap (and a small tree is drawn whole). */
const OVERSCAN = 12;

export function ZnodeTree() {
  const detail = useSim((s) => s.detail);
  const servers = useSim((s) => s.servers);
  const selected = useSim((s) => s.selected);
  const shown = detail?.server ?? selected;
  // Keyed by the server's last zxid, a changed node remounts and its flash animation plays again.
  const lastZxid = servers.find((s) => s.id === shown)?.lastZxid ?? '';
  const znodes = useMemo(() => detail?.znodes ?? [], [detail]);
  const positions = useMemo(() => siblingPositions(znodes), [znodes]);
  const scroller = useRef<HTMLDivElement>(null);
  // Only the rows in view are in the DOM: a tree of hundreds of znodes changes with every write.
  const virtualizer = useVirtualizer({
    count: znodes.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: OVERSCAN,
    getItemKey: (index) => znodes[index]!.path,
  });

  return (
    <section className="panel panel-znodes" aria-labelledby="znodes-title">
      <div className="panel-head">
        <h2 id="znodes-title">{text.znodes.title(shown)}</h2>
      </div>
      <div className="panel-body" ref={scroller}>
        {znodes.length === 0 ? (
          <p className="empty">{text.znodes.empty}</p>
        ) : (
          <ul
            role="tree"
            aria-label={text.znodes.tree}
            className="znode-tree"
            tabIndex={0}
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const node = znodes[item.index]!;
              return (
                <ZnodeItem
                  key={node.changed ? `${node.path}@${lastZxid}` : node.path}
                  node={node}
                  index={item.index}
                  top={item.start}
                  posinset={positions.posinset[item.index]!}
                  setsize={positions.setsize[item.index]!}
                  rowRef={virtualizer.measureElement}
                />
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}

interface ItemProps {
  readonly node: ZnodeView;
  readonly index: number;
  readonly top: number;
  readonly posinset: number;
  readonly setsize: number;
  readonly rowRef: Ref<HTMLLIElement>;
}

/** The worker sends fresh objects: compare by value, so only znodes that changed (or moved) render again. */
function sameZnode(a: ItemProps, b: ItemProps): boolean {
  const x = a.node;
  const y = b.node;
  return (
    a.index === b.index &&
    a.top === b.top &&
    a.posinset === b.posinset &&
    a.setsize === b.setsize &&
    a.rowRef === b.rowRef &&
    x.path === y.path &&
    x.data === y.data &&
    x.version === y.version &&
    x.cversion === y.cversion &&
    x.mzxid === y.mzxid &&
    x.depth === y.depth &&
    x.changed === y.changed &&
    x.ephemeralOwner === y.ephemeralOwner &&
    x.watches.join() === y.watches.join()
  );
}

const ZnodeItem = memo(function ZnodeItem({ node, index, top, posinset, setsize, rowRef }: ItemProps) {
  const missing = node.version < 0;
  const className = [
    'znode',
    node.changed ? 'changed' : '',
    missing ? 'missing' : '',
    node.ephemeralOwner !== null ? 'ephemeral' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li
      ref={rowRef}
      data-index={index}
      role="treeitem"
      aria-level={node.depth + 1}
      aria-posinset={posinset}
      aria-setsize={setsize}
      aria-selected={false}
      className={className}
      style={{ top, paddingLeft: `calc(${node.depth} * 1.1rem + 0.5rem)` }}
      title={node.path}
    >
      <span className="znode-name">{node.name}</span>
      {missing ? (
        <span className="znode-meta">{text.znodes.missing}</span>
      ) : (
        <>
          <span className={node.data === '' ? 'znode-data empty-data' : 'znode-data'}>
            {node.data === '' ? text.znodes.noData : node.data}
          </span>
          <span className="znode-meta" title={text.znodes.versionTitle}>
            {text.znodes.version(node.version)}
          </span>
          <span className="znode-meta" title={text.znodes.cversionTitle}>
            {text.znodes.cversion(node.cversion)}
          </span>
          <span className="znode-meta mono">{node.mzxid}</span>
        </>
      )}
      {node.ephemeralOwner !== null && (
        <span className="chip chip-ephemeral">{text.znodes.ephemeral(node.ephemeralOwner)}</span>
      )}
      {node.watches.map((w) => (
        <span key={w} className="chip chip-watch">
          <WatchIcon /> {text.znodes.watch(w)}
        </span>
      ))}
    </li>
  );
}, sameZnode);

/** An eye, drawn inline so it shows without an emoji font. */
function WatchIcon() {
  return (
    <svg
      className="watch-icon"
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      role="img"
      aria-label={text.znodes.watchIcon}
    >
      <path
        d="M1 8c1.8-3.2 4.3-4.8 7-4.8s5.2 1.6 7 4.8c-1.8 3.2-4.3 4.8-7 4.8S2.8 11.2 1 8z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
      <circle cx="8" cy="8" r="2.2" fill="currentColor" />
    </svg>
  );
}
