/** Time comes in through a port so rules and tests never read the wall clock themselves. */
export interface Clock {
  now(): Date;
}
