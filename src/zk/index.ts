// The ZooKeeper znode layer: public API.
export type * from './types';
export {
  validatePath,
  validateSequentialPath,
  invalidPathMessage,
  parentOf,
  basename,
  childPath,
  sequenceSuffix,
} from './path';
export { errorMessage, errorCodeNumber } from './errors';
export type { WatchTable } from './watches';
export { hasWatch } from './watches';
export type { Replica, Znode, SessionInfo, ApplyOutcome, ClientWatch } from './replica';
export {
  createReplica,
  cloneReplica,
  applyTxn,
  readOnReplica,
  restoreWatches,
  statOf,
  statAt,
  replicaFingerprint,
  utf8Length,
  PROTECTED_PATHS,
} from './replica';
export {
  formatStat,
  formatZxid,
  formatLs,
  formatDate,
  daysFromCivil,
  civilFromDays,
  RUN_START_EPOCH_MS,
} from './format';
