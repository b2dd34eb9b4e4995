import type { ZnodeView } from '../../view/projections';

/** Each znode's position among its siblings, for aria-posinset / aria-setsize (only visible rows are in the DOM). */
export function siblingPositions(znodes: readonly ZnodeView[]): { posinset: number[]; setsize: number[] } {
  const parentOf = (path: string): string => (path === '/' ? '' : path.slice(0, Math.max(1, path.lastIndexOf('/'))));
  const counts = new Map<string, number>();
  const posinset = znodes.map((node) => {
    const parent = parentOf(node.path);
    const next = (counts.get(parent) ?? 0) + 1;
    counts.set(parent, next);
    return next;
  });
  return { posinset, setsize: znodes.map((node) => counts.get(parentOf(node.path))!) };
}
