// The layers import in one direction only (README, Architecture):
//   protocol, zk -> sim -> script -> check -> scenario -> view -> worker | cli -> store -> ui
// Each rule names a layer and the layers above it that it must not reach.
const order = ['sim', 'script', 'check', 'scenario', 'view', 'worker', 'store', 'ui'];
const above = (layer) => order.slice(order.indexOf(layer) + 1);
const folder = (names) => `^src/(${names.join('|')})/`;

const layerRules = [
  { layer: 'protocol', forbidden: ['zk', ...order, 'cli'] },
  { layer: 'zk', forbidden: ['protocol', ...order, 'cli'] },
  ...['sim', 'script', 'check', 'scenario', 'view'].map((layer) => ({ layer, forbidden: [...above(layer), 'cli'] })),
  { layer: 'worker', forbidden: ['store', 'ui', 'cli'] },
  { layer: 'cli', forbidden: ['worker', 'store', 'ui'] },
  { layer: 'store', forbidden: ['ui', 'cli'] },
];

module.exports = {
  forbidden: [
    ...layerRules.map(({ layer, forbidden }) => ({
      name: `layer-${layer}`,
      comment: `${layer} must not import ${forbidden.join(', ')}: the layers import in one direction only`,
      severity: 'error',
      // Tests may drive the whole stack (a determinism test runs scripts); code may not.
      from: { path: `^src/${layer}/`, pathNot: '\\.test\\.tsx?$' },
      to: { path: folder(forbidden) },
    })),
    {
      name: 'no-circular',
      comment: 'modules must not import each other in a cycle',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-shared-fixtures',
      comment: 'tests and code read fixtures from this repository (testdata/), never from ../shared',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^\\.\\./shared/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.app.json' },
    exclude: { path: '(^|/)node_modules/' },
  },
};
