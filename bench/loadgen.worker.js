// HTTP/1.1 load generator for http.bench.ts, run in a worker thread so that it does not share
// the event loop of the servers it measures. `connections` keep-alive sockets each send one GET,
// read the whole response (Content-Length framed) and send the next; responses are counted only
// between the end of the warm-up and the end of the run. Plain JavaScript: workers get no tsx.
import net from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

const { host, port, path, headers, connections, warmupMs, durationMs } = workerData;
const request = Buffer.from(
  `GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`,
  'latin1',
);

let measuring = false;
let finished = false;
let count = 0;
let total = 0; // warm-up included
const statuses = {};

function connection() {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host);
    socket.setNoDelay(true);
    let buf = Buffer.alloc(0);
    let need = -1; // bytes of the response being read (head + body), once its head is complete
    let status = 0;
    socket.on('connect', () => socket.write(request));
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      for (;;) {
        if (need < 0) {
          const end = buf.indexOf('\r\n\r\n');
          if (end < 0) return;
          const head = buf.toString('latin1', 0, end);
          const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
          if (!length) {
            socket.destroy();
            reject(new Error(`response without content-length: ${head.split('\r\n')[0]}`));
            return;
          }
          status = Number(head.slice(9, 12));
          need = end + 4 + Number(length[1]);
        }
        if (buf.length < need) return;
        buf = buf.subarray(need);
        need = -1;
        total++;
        if (measuring) {
          count++;
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
        if (finished) {
          socket.end();
          resolve();
          return;
        }
        socket.write(request);
      }
    });
  });
}

let started = 0;
let elapsedMs = 0;
setTimeout(() => {
  measuring = true;
  started = performance.now();
}, warmupMs);
setTimeout(() => {
  measuring = false;
  elapsedMs = performance.now() - started;
  finished = true;
}, warmupMs + durationMs);

try {
  await Promise.all(Array.from({ length: connections }, connection));
  parentPort.postMessage({ count, total, elapsedMs, statuses });
} catch (err) {
  parentPort.postMessage({ error: String(err?.stack ?? err) });
}
