// A fuzzing worker for the page: the same fuzzSeed as `npm run fuzz`, one seed per message, off the main thread.
import { fuzzSeed } from '../scenario/fuzz';
import { isLanguage, setLanguage } from '../script/language';
import type { FuzzAnswer, FuzzJob } from './fuzzIpc';

const post = (answer: FuzzAnswer): void => postMessage(answer);

onmessage = (event: MessageEvent<FuzzJob>) => {
  const { seed, options, language } = event.data;
  if (isLanguage(language)) setLanguage(language);
  try {
    const outcome = fuzzSeed(seed, options);
    const findings = outcome.violations.map(({ check, reason, event: at }) => ({ check, reason, event: at }));
    post({
      type: 'seed',
      seed,
      events: outcome.events,
      findings,
      ...(outcome.replay ? { replay: outcome.replay } : {}),
    });
  } catch (error) {
    post({ type: 'failed', seed, message: error instanceof Error ? error.message : String(error) });
  }
};
