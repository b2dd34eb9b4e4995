import { describe, expect, it } from 'vitest';
import type { ZnodeView } from '../../view/projections';
import { siblingPositions } from './treePositions';

function node(path: string): ZnodeView {
  const depth = path === '/' ? 0 : path.split('/').length - 1;
  return {
    path,
    name: path,
    depth,
    data: '',
    version: 0,
    cversion: 0,
    mzxid: '0x0',
    ephemeralOwner: null,
    numChildren: 0,
    watches: [],
    changed: false,
  };
}

describe('siblingPositions', () => {
  it('numbers each znode among its siblings, in tree order', () => {
    const tree = ['/', '/a', '/a/x', '/a/y', '/a/z', '/b', '/zookeeper', '/zookeeper/config'].map(node);
    expect(siblingPositions(tree)).toEqual({
      posinset: [1, 1, 1, 2, 3, 2, 3, 1],
      setsize: [1, 3, 3, 3, 3, 3, 3, 1],
    });
  });
});
