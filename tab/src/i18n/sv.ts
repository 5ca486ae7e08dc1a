/** Swedish catalogue (the default). Every string a person sees in the tab comes from here or en.ts. */

import type { MeetingStatus, Role } from '../api-types';

export interface ErrorText {
  title: string;
  action: string;
}

export interface Catalogue {
  appName: string;
  skipToContent: string;
  opensInNewWindow: string;
  errorCode: (code: string) => string;
  retry: string;
  host: { connecting: string };
  session: { loading: string };
  localMode: string;
  notInTeams: { title: string; body: string };
  signIn: {
    title: string;
    intro: string;
    loading: string;
    signInAs: string;
    signingIn: string;
    noOrganisation: string;
    noPeople: string;
    expired: string;
  };
  header: {
    signedInAs: string;
    signOut: string;
    groupPicker: string;
    reportsTo: (committee: string) => string;
  };
  groups: { loading: string; none: string };
  overview: {
    title: string;
    loading: string;
    nextMeeting: string;
    noNextMeeting: string;
    date: string;
    time: string;
    place: string;
    online: string;
    joinOnline: string;
    chair: (name: string) => string;
    noChair: string;
    status: string;
  };
  countdown: {
    ongoing: string;
    today: string;
    tomorrow: string;
    inDays: (n: number) => string;
    inWeeks: (n: number) => string;
    inMonths: (n: number) => string;
  };
  yearPlan: {
    title: (year: number) => string;
    empty: (year: number) => string;
    loading: (year: number) => string;
    summary: (year: number, count: number) => string;
    navLabel: string;
    previousYear: (year: number) => string;
    nextYear: (year: number) => string;
    currentYear: string;
    nextBadge: string;
    columns: {
      date: string;
      weekday: string;
      time: string;
      title: string;
      chair: string;
      place: string;
      status: string;
    };
    noChair: string;
  };
  roles: Record<Role, string>;
  /** `past`: planned or called, but its time has passed and nothing more was recorded. */
  statuses: Record<MeetingStatus | 'past', string>;
  errors: {
    network: ErrorText;
    timeout: ErrorText;
    unauthorized: ErrorText;
    forbidden: ErrorText;
    notFound: ErrorText;
    conflict: ErrorText;
    rateLimited: ErrorText;
    server: ErrorText;
    badResponse: ErrorText;
    teamsSignIn: ErrorText;
  };
}

/** Swedish plurals are one/other. */
const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other);

export const sv: Catalogue = {
  appName: 'Arbetsrum',
  skipToContent: 'Hoppa till innehållet',
  opensInNewWindow: '(öppnas i ett nytt fönster)',
  errorCode: (code) => `Felkod: ${code}`,
  retry: 'Försök igen',
  host: { connecting: 'Ansluter till Teams…' },
  session: { loading: 'Startar Arbetsrum…' },
  localMode: 'Lokalt läge',
  notInTeams: {
    title: 'Öppna Arbetsrum i Teams',
    body: 'Den här fliken öppnas inifrån Microsoft Teams. Gå till ert team i Teams och välj fliken Arbetsrum, så loggas du in med ditt jobbkonto.',
  },
  signIn: {
    title: 'Välj vem du vill logga in som',
    intro:
      'Den här inloggningen finns bara i lokalt läge, för utveckling och demonstration. I Teams loggas du in automatiskt med ditt jobbkonto.',
    loading: 'Hämtar personer…',
    signInAs: 'Logga in som',
    signingIn: 'Loggar in…',
    noOrganisation: 'Ingen organisation',
    noPeople: 'Det finns inga personer att logga in som. Kör npm run seed och ladda om sidan.',
    expired: 'Din inloggning har gått ut. Välj en person och logga in igen.',
  },
  header: {
    signedInAs: 'Inloggad som',
    signOut: 'Logga ut',
    groupPicker: 'Grupp',
    reportsTo: (committee) => `Rapporterar till ${committee}`,
  },
  groups: {
    loading: 'Hämtar dina grupper…',
    none: 'Du är inte med i någon grupp ännu. Be en hållbarhetsstrateg att lägga till dig.',
  },
  overview: {
    title: 'Översikt',
    loading: 'Hämtar översikten…',
    nextMeeting: 'Nästa möte',
    noNextMeeting: 'Inget kommande möte är inplanerat.',
    date: 'Datum',
    time: 'Tid',
    place: 'Plats',
    online: 'Online',
    joinOnline: 'Anslut till mötet online',
    chair: (name) => `Ordförande: ${name}`,
    noChair: 'Ordförande: inte utsedd än',
    status: 'Status',
  },
  countdown: {
    ongoing: 'Pågår nu',
    today: 'I dag',
    tomorrow: 'I morgon',
    inDays: (n) => `Om ${n} ${plural(n, 'dag', 'dagar')}`,
    inWeeks: (n) => `Om ${n} ${plural(n, 'vecka', 'veckor')}`,
    inMonths: (n) => `Om ${n} ${plural(n, 'månad', 'månader')}`,
  },
  yearPlan: {
    title: (year) => `Mötesplan ${year}`,
    empty: (year) => `Inga möten planerade ${year}`,
    loading: (year) => `Hämtar mötesplan ${year}…`,
    summary: (year, count) => `Mötesplan ${year}: ${count} ${plural(count, 'möte', 'möten')}`,
    navLabel: 'Välj år',
    previousYear: (year) => `Föregående år, ${year}`,
    nextYear: (year) => `Nästa år, ${year}`,
    currentYear: 'I år',
    nextBadge: 'Nästa möte',
    columns: {
      date: 'Datum',
      weekday: 'Veckodag',
      time: 'Tid',
      title: 'Möte',
      chair: 'Ordförande',
      place: 'Plats',
      status: 'Status',
    },
    noChair: 'inte utsedd',
  },
  roles: {
    strategist: 'hållbarhetsstrateg',
    delegate: 'delegat',
    substitute: 'ersättare',
    guest: 'gäst',
  },
  statuses: {
    planned: 'planerat',
    called: 'kallat',
    held: 'genomfört',
    minutes_published: 'minnesanteckningar publicerade',
    cancelled: 'inställt',
    past: 'har varit',
  },
  errors: {
    network: {
      title: 'Ingen kontakt med Arbetsrum',
      action: 'Kontrollera din nätverksanslutning och försök igen.',
    },
    timeout: {
      title: 'Arbetsrum svarar inte',
      action: 'Det tog för lång tid att få svar. Försök igen om en stund.',
    },
    unauthorized: {
      title: 'Du är inte inloggad',
      action: 'Logga in igen. Om det inte hjälper, stäng fliken och öppna den igen.',
    },
    forbidden: {
      title: 'Du har inte behörighet',
      action: 'Du är inte medlem i den här gruppen. Be en hållbarhetsstrateg att lägga till dig.',
    },
    notFound: {
      title: 'Hittades inte',
      action: 'Det du letar efter finns inte längre. Ladda om fliken eller välj en annan grupp.',
    },
    conflict: {
      title: 'Någon annan har ändrat samtidigt',
      action: 'Ladda om och försök igen.',
    },
    rateLimited: {
      title: 'För många förfrågningar',
      action: 'Vänta en liten stund och försök igen.',
    },
    server: {
      title: 'Något gick fel i Arbetsrum',
      action: 'Försök igen om en stund. Kvarstår felet, kontakta den som förvaltar Arbetsrum och ange felkoden.',
    },
    badResponse: {
      title: 'Oväntat svar från Arbetsrum',
      action: 'Ladda om fliken. Kvarstår felet, kontakta den som förvaltar Arbetsrum.',
    },
    teamsSignIn: {
      title: 'Inloggningen via Teams misslyckades',
      action:
        'Försök igen. Ber Teams dig godkänna Arbetsrum, godkänn och försök igen. Måste en administratör godkänna appen i din organisation, be IT-avdelningen om det. Hjälper inget av det, logga ut från Teams och logga in igen.',
    },
  },
};
