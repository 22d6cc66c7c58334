// Runs in a worker thread so the load generator does not share the server's event loop.
// Plain node:http over kept-alive sockets, one per user: the cheapest client Node has, so
// as much of the machine as possible is left to the server being measured (fetch cost
// about twice the CPU per request).
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { users, perUser, specs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: users });

function send(spec) {
  return new Promise((resolve, reject) => {
    const request = http.request(spec.url, { method: spec.init.method, headers: spec.init.headers, agent }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => resolve(response.statusCode));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(spec.init.body);
  });
}

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
      const status = await send(spec);
      times.push(performance.now() - started);
      if (status < 200 || status >= 300) {
        errors += 1;
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
  }),
);
agent.destroy();
parentPort.postMessage({ times, errors, statuses, elapsed: performance.now() - started });
