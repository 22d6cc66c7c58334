// Runs in a worker thread so the load generator does not share the server's event loop.
// The load generator shares the machine's cores with the server it measures, so it is made
// as cheap as it can be: one kept-alive socket per user, each request written as prepared
// bytes, each answer read only as far as its status line, its length and its last byte. On
// this 2-core machine node:http cost more CPU per request than the server's answer itself
// (fetch about twice that again); the figures are meant to be the server's.
import net from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

const { users, perUser, specs, byUser } = workerData;

const HEADER_END = Buffer.from('\r\n\r\n');
const CHUNKED_END = '0\r\n\r\n';

/** The request as the bytes a browser would send (HTTP/1.1, kept alive). */
function requestBytes(spec) {
  const url = new URL(spec.url);
  const body = spec.init.body === undefined ? Buffer.alloc(0) : Buffer.from(spec.init.body);
  const headers = { host: url.host, ...spec.init.headers, 'content-length': String(body.length) };
  const head = `${spec.init.method} ${url.pathname}${url.search} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
  return Buffer.concat([Buffer.from(head), body]);
}

/** One user's connection: `send(bytes)` resolves with the answer's status once its last byte has arrived. */
function connect(url) {
  const { hostname, port } = new URL(url);
  const socket = net.connect({ host: hostname, port: Number(port) });
  socket.setNoDelay(true);
  let waiting = null;
  let head = null; // bytes of an answer whose headers have not all arrived
  let status = 0;
  let remaining = -1; // body bytes still to come, or -1 for a chunked body
  let tail = ''; // the last bytes of a chunked body
  const finish = () => {
    const done = waiting;
    waiting = null;
    head = null;
    done.resolve(status);
  };
  const readBody = (chunk) => {
    if (remaining >= 0) {
      remaining -= chunk.length;
      if (remaining <= 0) finish();
    } else {
      tail = (tail + chunk.subarray(Math.max(0, chunk.length - 5)).toString('latin1')).slice(-5);
      if (tail === CHUNKED_END) finish();
    }
  };
  socket.on('data', (chunk) => {
    if (!waiting) return;
    if (head === null) return readBody(chunk);
    head = head.length ? Buffer.concat([head, chunk]) : chunk;
    const end = head.indexOf(HEADER_END);
    if (end < 0) return;
    const text = head.subarray(0, end).toString('latin1');
    status = Number(text.slice(9, 12));
    const length = /\r\ncontent-length: *(\d+)/i.exec(text);
    remaining = length ? Number(length[1]) : -1;
    tail = '';
    const rest = head.subarray(end + HEADER_END.length);
    head = null;
    if (remaining === 0) finish();
    else readBody(rest);
  });
  socket.on('error', (error) => waiting?.reject(error));
  return {
    send(bytes) {
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        head = Buffer.alloc(0);
        socket.write(bytes);
      });
    },
    close: () => socket.destroy(),
  };
}

const prepared = specs.map(requestBytes);
let next = 0;
const times = [];
let errors = 0;
const statuses = {};
const connections = Array.from({ length: users }, () => connect(specs[0].url));
const started = performance.now();
await Promise.all(
  connections.map(async (connection, user) => {
    for (let index = 0; index < perUser; index += 1) {
      const bytes = prepared[byUser ? user % prepared.length : next++ % prepared.length];
      const started = performance.now();
      const status = await connection.send(bytes);
      times.push(performance.now() - started);
      if (status < 200 || status >= 300) {
        errors += 1;
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
  }),
);
const elapsed = performance.now() - started;
for (const connection of connections) connection.close();
parentPort.postMessage({ times, errors, statuses, elapsed });
