// One fuzzing thread: runs the seeds it is sent and answers each with its result (fuzzPool.ts hands them out).
import { parentPort } from 'node:worker_threads';
import { fuzzSeed } from '../scenario/fuzz';
import type { SeedJob, SeedResult } from './fuzzPool';

const port = parentPort;
if (port === null) throw new Error('fuzzWorker.ts runs as a worker thread');
port.on('message', (job: SeedJob) => {
  const result: SeedResult = { seed: job.seed, ...fuzzSeed(job.seed, job.options) };
  port.postMessage(result);
});
