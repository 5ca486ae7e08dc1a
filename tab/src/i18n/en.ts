/** English catalogue, used when the Teams or browser locale starts with "en". */
import type { Catalogue } from './sv';

const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other);

export const en: Catalogue = {
  appName: 'Arbetsrum',
  skipToContent: 'Skip to content',
  opensInNewWindow: '(opens in a new window)',
  errorCode: (code) => `Error code: ${code}`,
  retry: 'Try again',
  host: { connecting: 'Connecting to Teams…' },
  session: { loading: 'Starting Arbetsrum…' },
  localMode: 'Local mode',
  notInTeams: {
    title: 'Open Arbetsrum in Teams',
    body: 'This tab is opened from inside Microsoft Teams. Go to your team in Teams and select the Arbetsrum tab, and you will be signed in with your work account.',
  },
  signIn: {
    title: 'Choose who to sign in as',
    intro:
      'This sign-in exists only in local mode, for development and demonstrations. In Teams you are signed in automatically with your work account.',
    loading: 'Loading people…',
    signInAs: 'Sign in as',
    signingIn: 'Signing in…',
    noOrganisation: 'No organisation',
    noPeople: 'There is nobody to sign in as. Run npm run seed and reload the page.',
    expired: 'Your sign-in has expired. Choose a person and sign in again.',
  },
  header: {
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    groupPicker: 'Group',
    reportsTo: (committee) => `Reports to ${committee}`,
  },
  groups: {
    loading: 'Loading your groups…',
    none: 'You are not in any group yet. Ask a sustainability strategist to add you.',
  },
  overview: {
    title: 'Overview',
    loading: 'Loading the overview…',
    nextMeeting: 'Next meeting',
    noNextMeeting: 'No upcoming meeting is planned.',
    date: 'Date',
    time: 'Time',
    place: 'Place',
    online: 'Online',
    joinOnline: 'Join the meeting online',
    chair: (name) => `Chair: ${name}`,
    noChair: 'Chair: not yet appointed',
    status: 'Status',
  },
  countdown: {
    ongoing: 'In progress',
    today: 'Today',
    tomorrow: 'Tomorrow',
    inDays: (n) => `In ${n} ${plural(n, 'day', 'days')}`,
    inWeeks: (n) => `In ${n} ${plural(n, 'week', 'weeks')}`,
    inMonths: (n) => `In ${n} ${plural(n, 'month', 'months')}`,
  },
  yearPlan: {
    title: (year) => `Meeting plan ${year}`,
    empty: (year) => `No meetings planned in ${year}`,
    loading: (year) => `Loading the meeting plan for ${year}…`,
    summary: (year, count) => `Meeting plan ${year}: ${count} ${plural(count, 'meeting', 'meetings')}`,
    navLabel: 'Choose year',
    previousYear: (year) => `Previous year, ${year}`,
    nextYear: (year) => `Next year, ${year}`,
    currentYear: 'This year',
    nextBadge: 'Next meeting',
    columns: {
      date: 'Date',
      weekday: 'Weekday',
      time: 'Time',
      title: 'Meeting',
      chair: 'Chair',
      place: 'Place',
      status: 'Status',
    },
    noChair: 'not appointed',
  },
  roles: {
    strategist: 'sustainability strategist',
    delegate: 'delegate',
    substitute: 'substitute',
    guest: 'guest',
  },
  statuses: {
    planned: 'planned',
    called: 'invitation sent',
    held: 'held',
    minutes_published: 'minutes published',
    cancelled: 'cancelled',
    past: 'past',
  },
  errors: {
    network: {
      title: 'Cannot reach Arbetsrum',
      action: 'Check your network connection and try again.',
    },
    timeout: {
      title: 'Arbetsrum is not answering',
      action: 'The answer took too long. Try again in a moment.',
    },
    unauthorized: {
      title: 'You are not signed in',
      action: 'Sign in again. If that does not help, close the tab and open it again.',
    },
    forbidden: {
      title: 'You do not have access',
      action: 'You are not a member of this group. Ask a sustainability strategist to add you.',
    },
    notFound: {
      title: 'Not found',
      action: 'What you are looking for no longer exists. Reload the tab or choose another group.',
    },
    conflict: {
      title: 'Someone else changed this at the same time',
      action: 'Reload and try again.',
    },
    rateLimited: {
      title: 'Too many requests',
      action: 'Wait a moment and try again.',
    },
    server: {
      title: 'Something went wrong in Arbetsrum',
      action: 'Try again in a moment. If the problem remains, contact whoever runs Arbetsrum and give them the error code.',
    },
    badResponse: {
      title: 'Unexpected answer from Arbetsrum',
      action: 'Reload the tab. If the problem remains, contact whoever runs Arbetsrum.',
    },
    teamsSignIn: {
      title: 'Signing in through Teams failed',
      action:
        'Try again. If Teams asks you to approve Arbetsrum, approve it and try again. If an administrator must approve the app in your organisation, ask your IT department. If nothing helps, sign out of Teams and sign in again.',
    },
  },
};
