// Runs in a worker thread so the load generator does not share the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';

const { users, perUser, url, init } = workerData;
const times = [];
let errors = 0;
await Promise.all(
  Array.from({ length: users }, async () => {
    for (let index = 0; index < perUser; index += 1) {
      const started = performance.now();
      const response = await fetch(url, init);
      await response.arrayBuffer();
      times.push(performance.now() - started);
      if (!response.ok) errors += 1;
    }
  }),
);
parentPort.postMessage({ times, errors });
