/** The standing items of a group's agenda template: data in the group's settings. */
/** A standing item of the group's template: before the proposals (opening) or after (closing). */
export interface StandingItemTemplate {
  title: string;
  minutes: number;
  placement: 'opening' | 'closing';
}

/** The usual agenda (domain.md), for groups whose settings name no template of their own. */
export const DEFAULT_STANDING_ITEMS: readonly StandingItemTemplate[] = [
  { title: 'Mötet öppnas', minutes: 5, placement: 'opening' },
  { title: 'Fastställande av dagordning', minutes: 5, placement: 'opening' },
  { title: 'Föregående mötes minnesanteckningar och åtgärdslista', minutes: 10, placement: 'opening' },
  { title: 'Runda: aktuellt från förvaltningar och bolag', minutes: 20, placement: 'opening' },
  { title: 'Återrapportering till utskott och SDL', minutes: 10, placement: 'closing' },
  { title: 'Övriga frågor', minutes: 5, placement: 'closing' },
  { title: 'Nästa möte', minutes: 5, placement: 'closing' },
  { title: 'Mötet avslutas', minutes: 5, placement: 'closing' },
];
