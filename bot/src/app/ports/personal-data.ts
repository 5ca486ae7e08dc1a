/**
 * Everything stored about one person, for their right of access (export) and for erasure. The
 * store knows the tables; the use cases decide who may ask and what is kept.
 */

/** One row of the export: plain values only (strings, numbers, booleans, null, ISO times). */
export type PersonalDataRow = Record<string, string | number | boolean | null>;

/** The export, section by section (a section per kind of record: proposals, answers, actions…). */
export type PersonalDataSections = Record<string, PersonalDataRow[]>;

export interface ErasureCounts {
  /** Rows removed or emptied, per kind of record. */
  [kind: string]: number;
}

export interface PersonalDataStore {
  /** The person's own records across the tenant; other people's data is left out. */
  collect(tenantId: string, personId: string): Promise<PersonalDataSections>;
  /**
   * Removes what is not part of the public record: how to reach the person, their memberships,
   * answers, comments and reviews on unpublished minutes, ownership of open actions; replaces
   * their name, mail and Entra id on the person row with `placeholderName` and an unusable
   * address. Published minutes (their record keeps names as published) and publication records
   * stay. Run inside a unit of work.
   */
  erase(tenantId: string, personId: string, placeholderName: string): Promise<ErasureCounts>;
}
