/**
 * A PostgreSQL server on loopback that does one thing: asks each connection for its password in
 * clear text, records it with the user name, and refuses the login (28P01). The machine's own
 * PostgreSQL trusts every local connection and never asks, so this is how a test sees what the
 * service sends as its password (with Entra authentication, a token). Speaks just enough of the
 * protocol (v3: startup, AuthenticationCleartextPassword, PasswordMessage, ErrorResponse).
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface PasswordAskingPostgres {
  url(user: string): string;
  /** Every login tried: the user from the startup message and the password sent. */
  logins: { user: string; password: string }[];
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

function refusal(): Buffer {
  const fields = ['SFATAL', 'C28P01', 'Mpassword authentication failed (recorded by the test server)'];
  return message('E', Buffer.concat([...fields.map((f) => Buffer.from(`${f}\0`, 'utf8')), Buffer.from([0])]));
}

function serve(socket: Socket, logins: PasswordAskingPostgres['logins']): void {
  let buffer = Buffer.alloc(0);
  let user = '';
  let started = false;
  socket.on('error', () => undefined);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        const body = buffer.subarray(8, length);
        buffer = buffer.subarray(length);
        if (code === SSL_REQUEST) {
          socket.write('N'); // no TLS here: the client goes on in clear text (sslmode=prefer or disable)
          continue;
        }
        const parts = body.toString('utf8').split('\0');
        user = parts[parts.indexOf('user') + 1] ?? '';
        started = true;
        const ask = Buffer.alloc(4);
        ask.writeInt32BE(3); // AuthenticationCleartextPassword
        socket.write(message('R', ask));
        continue;
      }
      if (buffer.length < 5) return;
      const length = buffer.readInt32BE(1);
      if (buffer.length < length + 1) return;
      const type = buffer.toString('latin1', 0, 1);
      const body = buffer.subarray(5, length + 1);
      buffer = buffer.subarray(length + 1);
      if (type === 'p') {
        logins.push({ user, password: body.toString('utf8').replace(/\0$/, '') });
        socket.end(refusal());
        return;
      }
    }
  });
}

export async function startPasswordAskingPostgres(): Promise<PasswordAskingPostgres> {
  const logins: PasswordAskingPostgres['logins'] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serve(socket, logins);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (user) => `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/arbetsrum`,
    logins,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
