// One hash of a run's trace, the same in the page ("Fingerprint"), the CLI's summary and the tests: two drivers
// reached the same run exactly when their fingerprints are equal.
import type { TraceEvent } from './trace';

/** cyrb53-style 53-bit hash of the trace's JSON, as 14 hex digits. */
export function traceFingerprint(trace: readonly TraceEvent[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const event of trace) {
    const text = JSON.stringify(event);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
