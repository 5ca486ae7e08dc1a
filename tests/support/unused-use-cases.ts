import type { HttpServerDeps } from '../../bot/src/adapters/http/server';

const unused = () => Promise.reject(new Error('not reached: the request must be answered before any use case runs'));

/** The tab API's use cases for tests that must never reach them: every call rejects. */
export const unusedTabApi = new Proxy({}, { get: () => unused }) as HttpServerDeps['tabApi'];
