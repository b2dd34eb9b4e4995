import { memo } from 'react';
import { useSim } from '../../store/simStore';
import type { ZnodeView } from '../../worker/protocol';
import { text } from '../text';

export function ZnodeTree() {
  const detail = useSim((s) => s.detail);
  const servers = useSim((s) => s.servers);
  const selected = useSim((s) => s.selected);
  const shown = detail?.server ?? selected;
  // Keyed by the server's last zxid, a changed node remounts and its flash animation plays again.
  const lastZxid = servers.find((s) => s.id === shown)?.lastZxid ?? '';
  const znodes = detail?.znodes ?? [];

  return (
    <section className="panel panel-znodes" aria-labelledby="znodes-title">
      <div className="panel-head">
        <h2 id="znodes-title">{text.znodes.title(shown)}</h2>
      </div>
      <div className="panel-body">
        {znodes.length === 0 ? (
          <p className="empty">{text.znodes.empty}</p>
        ) : (
          <ul role="tree" aria-label={text.znodes.tree} className="znode-tree" tabIndex={0}>
            {znodes.map((node) => (
              <ZnodeItem key={node.changed ? `${node.path}@${lastZxid}` : node.path} node={node} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** The worker sends fresh objects: compare by value, so only znodes that changed render again. */
function sameZnode(a: { node: ZnodeView }, b: { node: ZnodeView }): boolean {
  const x = a.node;
  const y = b.node;
  return (
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

const ZnodeItem = memo(function ZnodeItem({ node }: { node: ZnodeView }) {
  const missing = node.version < 0;
  const className = ['znode', node.changed ? 'changed' : '', missing ? 'missing' : '', node.ephemeralOwner !== null ? 'ephemeral' : ''].filter(Boolean).join(' ');
  return (
    <li role="treeitem" aria-level={node.depth + 1} aria-selected={false} className={className} style={{ paddingLeft: `calc(${node.depth} * 1.1rem + 0.5rem)` }} title={node.path}>
      <span className="znode-name">{node.name}</span>
      {missing ? (
        <span className="znode-meta">{text.znodes.missing}</span>
      ) : (
        <>
          <span className={node.data === '' ? 'znode-data empty-data' : 'znode-data'}>{node.data === '' ? text.znodes.noData : node.data}</span>
          <span className="znode-meta" title={text.znodes.versionTitle}>
            {text.znodes.version(node.version)}
          </span>
          <span className="znode-meta" title={text.znodes.cversionTitle}>
            {text.znodes.cversion(node.cversion)}
          </span>
          <span className="znode-meta mono">{node.mzxid}</span>
        </>
      )}
      {node.ephemeralOwner !== null && <span className="chip chip-ephemeral">{text.znodes.ephemeral(node.ephemeralOwner)}</span>}
      {node.watches.map((w) => (
        <span key={w} className="chip chip-watch">
          {text.znodes.watch(w)}
        </span>
      ))}
    </li>
  );
}, sameZnode);
