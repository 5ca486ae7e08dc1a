/** New record ids (UUIDs in production); a port so tests can make them predictable. */
export type IdGenerator = () => string;
