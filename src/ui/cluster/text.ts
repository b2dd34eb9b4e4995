// The cluster view's strings live in the catalogue (src/ui/text.ts, key `cluster`).
import { text } from '../text';

export const clusterText = text.cluster;
