/** What a failed start says on stderr: the fix where there is one, the stack otherwise. */
import { startFailureReason } from '../../bot/src/process-lifecycle';

describe('why the start failed', () => {
  it('names the port settings when a port is taken', () => {
    const taken = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:3978'), { code: 'EADDRINUSE' });
    expect(startFailureReason(taken)).toMatch(
      /^a port is already taken \(listen EADDRINUSE.*3978\)\. .*PORT, GRAPH_STAND_IN_PORT and PLAYGROUND_PORT\.$/,
    );
  });

  it('gives the data folder lock its own message, and anything else its stack', () => {
    const inUse = Object.assign(new Error('./data is in use by another Arbetsrum (pid 42)'), { name: 'DirectoryInUseError' });
    expect(startFailureReason(inUse)).toBe('./data is in use by another Arbetsrum (pid 42)');
    const other = new Error('boom');
    expect(startFailureReason(other)).toBe(other.stack);
    expect(startFailureReason('plain')).toBe('plain');
  });
});
