// Runs in a worker thread so the load generator does not share the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';

const { users, perUser, specs } = workerData;
let next = 0;
const times = [];
let errors = 0;
const statuses = {};
const started = performance.now();
await Promise.all(
  Array.from({ length: users }, async () => {
    for (let index = 0; index < perUser; index += 1) {
      const spec = specs[next++ % specs.length];
      const started = performance.now();
      const response = await fetch(spec.url, spec.init);
      await response.arrayBuffer();
      times.push(performance.now() - started);
      if (!response.ok) {
        errors += 1;
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      }
    }
  }),
);
parentPort.postMessage({ times, errors, statuses, elapsed: performance.now() - started });
