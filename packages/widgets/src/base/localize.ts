/**
 * Every visible string, one typed table per language: French first, English second. The language
 * comes from the widget's `lang` attribute or the nearest `[lang]` ancestor; numbers and dates go
 * through `Intl`.
 */
import type {
  MemberKind,
  OpportunityKind,
  PhaseKey,
  PhaseStatus,
  MilestoneStatus,
  Availability,
} from '@tec/contract';

export type Lang = 'fr' | 'en';

const fr = {
  loading: 'Chargement…',
  errorOffline: 'Vous êtes hors ligne : ces informations s’afficheront dès que la connexion sera revenue.',
  errorUnavailable: 'Le service du programme TEC ne répond pas pour le moment. Réessayez dans un instant.',
  errorBusy: 'Le service du programme TEC reçoit trop de demandes. Réessayez dans une minute.',
  errorForbidden: 'Ce site n’est pas autorisé à afficher les informations du programme TEC.',
  errorConfig: 'Ce widget est mal configuré ({detail}) : le responsable du site peut le corriger.',
  errorNotFound:
    'Le territoire « {territory} » est inconnu du programme TEC : le responsable du site peut corriger le widget.',
  offline: 'Vous êtes hors ligne. Les informations affichées peuvent dater.',
  retry: 'Réessayer',
  empty: 'Rien à afficher pour le moment.',
  updated: 'Mise à jour : {what}',
  demoData: 'Données de démonstration',
  // phase tracker
  phasesHeading: 'Avancement du programme TEC',
  phasesTitle: 'Avancement du programme — {territory}',
  phasesList: 'Les trois phases du programme',
  phaseNumber: 'Phase {n}',
  progress: 'Avancement de la phase « {phase} »',
  milestones: 'Jalons ({done} sur {total} atteints)',
  showMilestones: 'Afficher les jalons',
  hideMilestones: 'Masquer les jalons',
  notStarted: 'Le programme n’a pas encore commencé dans ce territoire : il est en cours de sélection.',
  from: 'depuis le {date}',
  fromTo: 'du {start} au {end}',
  planned: 'prévue du {start} au {end}',
  due: 'échéance le {date}',
  reached: 'Atteint le {date}',
  currentPhase: 'Phase en cours',
  phaseUpdated: 'l’avancement de la phase « {phase} »',
  // engagement
  ctaHeading: 'Participer au programme TEC',
  ctaTitle: 'Participer — {territory}',
  ctaIntro: 'Le programme TEC a besoin de vous. Choisissez une façon de vous engager.',
  when: 'Quand',
  where: 'Où',
  anytime: 'Quand vous voulez',
  anywhere: 'Lieu à convenir',
  placesLeft: '{n, plural, one {# place restante} other {# places restantes}}',
  unlimited: 'Places illimitées',
  full: 'Complet',
  moreOpportunities: '{n, plural, one {Voir l’autre proposition} other {Voir les # autres propositions}}',
  choose: 'Je participe',
  chooseNamed: 'Je participe : {title}',
  close: 'Fermer le formulaire',
  formTitle: 'Inscription : {title}',
  requiredNote: 'Les champs marqués d’un astérisque (*) sont obligatoires.',
  firstName: 'Prénom',
  email: 'Adresse e-mail',
  emailHint: 'Format attendu : nom@domaine.fr',
  phone: 'Téléphone (facultatif)',
  phoneHint: 'Format attendu : 06 12 34 56 78',
  availability: 'Vos disponibilités',
  message: 'Message (facultatif)',
  consent:
    'J’accepte que mes données soient utilisées pour me recontacter au sujet de cette proposition, comme décrit ci-dessus.',
  consentShort: 'Consentement',
  submit: 'Envoyer mon inscription',
  sending: 'Envoi en cours…',
  errorsIntro: 'Le formulaire contient {n, plural, one {# erreur} other {# erreurs}} :',
  errorsLink: '{field} : {message}',
  errRequired: 'Ce champ est obligatoire.',
  errFirstName: 'Indiquez votre prénom (80 caractères au plus).',
  errEmail: 'Indiquez une adresse e-mail valide, par exemple nom@domaine.fr.',
  errPhone: 'Indiquez un numéro de téléphone valide, par exemple 06 12 34 56 78.',
  errAvailability: 'Cochez au moins une disponibilité.',
  errMessage: 'Le message doit faire 2 000 caractères au plus.',
  errConsent: 'Votre accord est nécessaire pour envoyer l’inscription.',
  errNetwork:
    'L’inscription n’a pas pu être envoyée : le service ne répond pas. Vos réponses sont conservées ; réessayez.',
  errFull:
    'Désolé, cette proposition vient d’être complète. Vos réponses sont conservées : vous pouvez vous inscrire sur sa liste d’attente.',
  errServer: 'L’inscription n’a pas pu être enregistrée. Réessayez dans un instant.',
  errForbidden:
    'L’inscription n’a pas pu être envoyée : ce site n’est pas autorisé à transmettre des inscriptions au programme TEC. Vos réponses sont conservées.',
  success: 'Merci {name} ! Votre inscription est enregistrée.',
  successAgain: 'S’inscrire à une autre proposition',
  chooseWaitlist: 'M’inscrire sur la liste d’attente',
  chooseWaitlistNamed: 'M’inscrire sur la liste d’attente : {title}',
  waitlistNote:
    'Cette proposition est complète : en envoyant ce formulaire, vous rejoignez sa liste d’attente. Si une place se libère, elle est attribuée dans l’ordre d’inscription et vous recevez un e-mail.',
  submitWaitlist: 'M’inscrire sur la liste d’attente',
  successRecap: 'Votre inscription',
  what: 'Quoi',
  successEmail:
    'Un e-mail de confirmation part vers {email} : il reprend ce récapitulatif, avec une invitation pour votre agenda.',
  successCancel:
    'Vous ne pouvez plus venir ? Utilisez le lien « Annuler » de cet e-mail : votre place sera proposée à quelqu’un d’autre.',
  waitlisted:
    'Merci {name} ! La proposition est complète : vous êtes sur la liste d’attente, en position {n}. Si une place se libère, elle vous est attribuée et vous recevez un e-mail.',
  waitlistedCancel:
    'Pour quitter la liste d’attente, utilisez le lien « Annuler » de l’e-mail de confirmation.',
  alreadyRegistered:
    'Vous êtes déjà inscrit·e à « {title} » avec cette adresse : aucune nouvelle place n’a été prise. Nous vous renvoyons l’e-mail de confirmation, avec son lien pour annuler.',
  alreadyWaitlisted:
    'Vous êtes déjà sur la liste d’attente de « {title} » avec cette adresse (position {n}). Nous vous renvoyons l’e-mail de confirmation, avec son lien pour annuler.',
  privacyEmails:
    'E-mails : votre adresse sert à vous envoyer la confirmation (avec un lien pour annuler), un rappel la veille et, sur liste d’attente, l’annonce d’une place libérée. Les messages ne sont pas conservés une fois envoyés ; seule la trace de leur envoi est gardée, et effacée avec votre inscription.',
  privacyTitle: 'Vos données personnelles',
  privacyController: 'Responsable du traitement : {controller}{contact}.',
  privacyPurpose:
    'Finalité : vous recontacter au sujet de votre participation au programme TEC (Territoires d’Engagement et de Coopération).',
  privacyBasis: 'Base légale : votre consentement, que vous pouvez retirer à tout moment.',
  privacyFields:
    'Champs obligatoires : prénom, adresse e-mail, disponibilités et consentement. Les autres sont facultatifs.',
  privacyRecipients:
    'Destinataires : l’équipe du programme TEC de ce territoire (le binôme Fondation de France et Kiif).',
  privacyRetention: 'Durée de conservation : {duration}, puis suppression automatique.',
  privacyRights:
    'Vous pouvez accéder à vos données, les rectifier, les effacer ou retirer votre consentement en écrivant au responsable du traitement.',
  privacyComplaint: 'Vous pouvez aussi adresser une réclamation à la CNIL (www.cnil.fr).',
  notConfigured: 'responsable non indiqué',
  // coalition members
  membersHeading: 'Les acteurs du programme TEC',
  membersTitle: 'La coalition — {territory}',
  actorsTitle: 'Les acteurs engagés — {territory}',
  search: 'Rechercher un membre',
  searchActors: 'Rechercher un acteur',
  searchHint: 'Nom, rôle ou commune',
  filterByKind: 'Filtrer par type',
  allKinds: 'Tous ({n})',
  results: '{n, plural, one {# membre} other {# membres}}',
  actorResults: '{n, plural, one {# acteur} other {# acteurs}}',
  noResults: 'Aucun résultat pour cette recherche.',
  website: 'Site web',
  newWindow: '{name}, nouvelle fenêtre',
  loadingMore: 'Chargement de la suite…',
  memberAdded: 'nouveau membre : {name}',
  actorAdded: 'nouvel acteur : {name}',
  coalitionBegun: 'la coalition territoriale a commencé, la liste présente ses membres',
  members: 'Membres de la coalition',
  actors: 'Acteurs engagés',
  membersHelp: 'Flèches haut et bas pour passer d’un nom à l’autre, Entrée pour voir le détail.',
  memberKind: 'Type',
  memberCommune: 'Commune',
  memberRole: 'Rôle',
  memberJoined: 'Membre depuis le',
  // map
  mapTitle: 'Les territoires du programme TEC',
  mapTitleTerritory: 'Carte — {territory}',
  mapPlaces: 'Carte interactive : flèches pour passer d’un lieu à l’autre, Entrée pour choisir.',
  zoomIn: 'Zoomer',
  zoomOut: 'Dézoomer',
  zoomReset: 'Revenir à la vue d’ensemble',
  showList: 'Afficher la liste des lieux',
  hideList: 'Masquer la liste des lieux',
  listTitle: 'Liste des lieux de la carte',
  legend: 'Légende',
  selecting: 'Territoire en cours de sélection',
  inSelection: 'en cours de sélection',
  membersAt: '{n, plural, one {# membre} other {# membres}}',
  approximate: 'Contours approximatifs.',
} as const;

export type StringKey = keyof typeof fr;
type Table = Record<StringKey, string>;

const en: Table = {
  loading: 'Loading…',
  errorOffline: 'You are offline: this information will appear as soon as the connection is back.',
  errorUnavailable: 'The TEC programme’s service does not answer at the moment. Try again shortly.',
  errorBusy: 'The TEC programme’s service is receiving too many requests. Try again in a minute.',
  errorForbidden: 'This site is not allowed to show the TEC programme’s information.',
  errorConfig: 'This widget is misconfigured ({detail}): the site’s webmaster can fix it.',
  errorNotFound:
    'The territory “{territory}” is unknown to the TEC programme: the site’s webmaster can fix the widget.',
  offline: 'You are offline. What is shown may be out of date.',
  retry: 'Try again',
  empty: 'Nothing to show yet.',
  updated: 'Updated: {what}',
  demoData: 'Demo data',
  phasesHeading: 'Progress of the TEC programme',
  phasesTitle: 'Programme progress — {territory}',
  phasesList: 'The three phases of the programme',
  phaseNumber: 'Phase {n}',
  progress: 'Progress of the phase “{phase}”',
  milestones: 'Milestones ({done} of {total} reached)',
  showMilestones: 'Show milestones',
  hideMilestones: 'Hide milestones',
  notStarted: 'The programme has not started in this territory yet: it is being selected.',
  from: 'since {date}',
  fromTo: 'from {start} to {end}',
  planned: 'planned from {start} to {end}',
  due: 'due on {date}',
  reached: 'Reached on {date}',
  currentPhase: 'Current phase',
  phaseUpdated: 'progress of the phase “{phase}”',
  ctaHeading: 'Take part in the TEC programme',
  ctaTitle: 'Take part — {territory}',
  ctaIntro: 'The TEC programme needs you. Choose a way to get involved.',
  when: 'When',
  where: 'Where',
  anytime: 'Whenever suits you',
  anywhere: 'Place to be agreed',
  placesLeft: '{n, plural, one {# place left} other {# places left}}',
  unlimited: 'Unlimited places',
  full: 'Full',
  moreOpportunities: '{n, plural, one {See the other opportunity} other {See the # other opportunities}}',
  choose: 'I want to take part',
  chooseNamed: 'I want to take part: {title}',
  close: 'Close the form',
  formTitle: 'Sign up: {title}',
  requiredNote: 'Fields marked with an asterisk (*) are required.',
  firstName: 'First name',
  email: 'E-mail address',
  emailHint: 'Expected format: name@domain.org',
  phone: 'Phone (optional)',
  phoneHint: 'Expected format: +33 6 12 34 56 78',
  availability: 'When are you available?',
  message: 'Message (optional)',
  consent: 'I agree that my data may be used to contact me about this opportunity, as described above.',
  consentShort: 'Consent',
  submit: 'Send my sign-up',
  sending: 'Sending…',
  errorsIntro: 'The form has {n, plural, one {# error} other {# errors}}:',
  errorsLink: '{field}: {message}',
  errRequired: 'This field is required.',
  errFirstName: 'Enter your first name (80 characters at most).',
  errEmail: 'Enter a valid e-mail address, for example name@domain.org.',
  errPhone: 'Enter a valid phone number, for example +33 6 12 34 56 78.',
  errAvailability: 'Tick at least one availability.',
  errMessage: 'The message must be 2,000 characters at most.',
  errConsent: 'Your agreement is needed to send the sign-up.',
  errNetwork: 'The sign-up could not be sent: the service does not answer. Your answers are kept; try again.',
  errFull:
    'Sorry, this opportunity has just become full. Your answers are kept: you may join its waiting list.',
  errServer: 'The sign-up could not be recorded. Try again in a moment.',
  errForbidden:
    'The sign-up could not be sent: this site is not allowed to send sign-ups to the TEC programme. Your answers are kept.',
  success: 'Thank you {name}! Your sign-up is recorded.',
  successAgain: 'Sign up for another opportunity',
  chooseWaitlist: 'Join the waiting list',
  chooseWaitlistNamed: 'Join the waiting list: {title}',
  waitlistNote:
    'This opportunity is full: sending this form puts you on its waiting list. If a place opens up, it goes to the first in line and you get an e-mail.',
  submitWaitlist: 'Join the waiting list',
  successRecap: 'Your sign-up',
  what: 'What',
  successEmail:
    'A confirmation e-mail is on its way to {email}: it repeats this summary, with an invitation for your calendar.',
  successCancel:
    'Can no longer come? Use the “Cancel” link in that e-mail: your place will go to someone else.',
  waitlisted:
    'Thank you {name}! This opportunity is full: you are on the waiting list, in position {n}. If a place opens up, it is yours and you get an e-mail.',
  waitlistedCancel: 'To leave the waiting list, use the “Cancel” link in the confirmation e-mail.',
  alreadyRegistered:
    'You are already signed up for “{title}” with this address: no second place was taken. We are sending the confirmation e-mail again, with its link to cancel.',
  alreadyWaitlisted:
    'You are already on the waiting list of “{title}” with this address (position {n}). We are sending the confirmation e-mail again, with its link to cancel.',
  privacyEmails:
    'E-mails: your address is used to send you the confirmation (with a link to cancel), a reminder the day before and, on the waiting list, news of a place that opened up. Messages are not kept once sent; only the record that they were sent is, and it is erased with your sign-up.',
  privacyTitle: 'Your personal data',
  privacyController: 'Data controller: {controller}{contact}.',
  privacyPurpose: 'Purpose: to contact you about your participation in the TEC programme.',
  privacyBasis: 'Legal basis: your consent, which you may withdraw at any time.',
  privacyFields:
    'Required fields: first name, e-mail address, availability and consent. The others are optional.',
  privacyRecipients:
    'Recipients: the TEC programme team of this territory (the Fondation de France and Kiif pair).',
  privacyRetention: 'Kept for {duration}, then deleted automatically.',
  privacyRights:
    'You may access, correct or erase your data, or withdraw your consent, by writing to the data controller.',
  privacyComplaint: 'You may also complain to the CNIL, the French data protection authority (www.cnil.fr).',
  notConfigured: 'controller not given',
  membersHeading: 'The actors of the TEC programme',
  membersTitle: 'The coalition — {territory}',
  actorsTitle: 'Committed actors — {territory}',
  search: 'Search for a member',
  searchActors: 'Search for an actor',
  searchHint: 'Name, role or commune',
  filterByKind: 'Filter by kind',
  allKinds: 'All ({n})',
  results: '{n, plural, one {# member} other {# members}}',
  actorResults: '{n, plural, one {# actor} other {# actors}}',
  noResults: 'Nothing matches this search.',
  website: 'Website',
  newWindow: '{name}, opens in a new window',
  loadingMore: 'Loading more…',
  memberAdded: 'new member: {name}',
  actorAdded: 'new actor: {name}',
  coalitionBegun: 'the territorial coalition has begun, the list shows its members',
  members: 'Coalition members',
  actors: 'Committed actors',
  membersHelp: 'Up and down arrows move between names, Enter shows the details.',
  memberKind: 'Kind',
  memberCommune: 'Commune',
  memberRole: 'Role',
  memberJoined: 'Member since',
  mapTitle: 'The territories of the TEC programme',
  mapTitleTerritory: 'Map — {territory}',
  mapPlaces: 'Interactive map: arrow keys move between places, Enter chooses.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomReset: 'Back to the whole view',
  showList: 'Show the list of places',
  hideList: 'Hide the list of places',
  listTitle: 'List of the places on the map',
  legend: 'Legend',
  selecting: 'Territory being selected',
  inSelection: 'being selected',
  membersAt: '{n, plural, one {# member} other {# members}}',
  approximate: 'Approximate outlines.',
};

/**
 * French typography, applied once to the French table: a no-break space before « : » and inside
 * « », a narrow one before « ; ? ! », so that no line starts with one of them (the strings are
 * written with plain spaces, which this mends; tests/… checks the result).
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ ([:»])/g, '\u00a0$1')
    .replace(/« /g, '«\u00a0')
    .replace(/ ([;?!])/g, '\u202f$1');
}

const tables: Record<Lang, Table> = {
  fr: Object.fromEntries(Object.entries(fr).map(([key, text]) => [key, frenchSpacing(text)])) as Table,
  en,
};

/** Every string of a language's table, as the widgets show them (for the tests). */
export const table = (lang: Lang): Readonly<Table> => tables[lang];

/** Labels of the contract's enums, per language. */
export const labels: Record<
  Lang,
  {
    phase: Record<PhaseKey, string>;
    phaseStatus: Record<PhaseStatus, string>;
    milestoneStatus: Record<MilestoneStatus, string>;
    memberKind: Record<MemberKind, string>;
    opportunityKind: Record<OpportunityKind, string>;
    availability: Record<Availability, string>;
  }
> = {
  fr: {
    phase: {
      portrait: 'Portrait sensible du territoire',
      cooperations: 'Coopérations',
      coalition: 'Coalition territoriale',
    },
    phaseStatus: { 'a-venir': 'À venir', 'en-cours': 'En cours', terminee: 'Terminée' },
    milestoneStatus: { 'a-venir': 'À venir', 'en-cours': 'En cours', atteint: 'Atteint' },
    memberKind: {
      association: 'Association',
      entreprise: 'Entreprise',
      collectivite: 'Collectivité',
      elu: 'Élu·e',
      fondation: 'Fondation',
      ess: 'ESS',
      citoyen: 'Citoyen·ne',
      'service-public': 'Service public',
      autre: 'Autre',
    },
    opportunityKind: {
      'entretien-portrait': 'Entretien pour le portrait',
      'atelier-cooperation': 'Atelier de coopération',
      benevolat: 'Bénévolat',
      'rejoindre-coalition': 'Rejoindre la coalition',
      evenement: 'Événement',
    },
    availability: {
      'semaine-journee': 'En semaine, en journée',
      'semaine-soir': 'En semaine, le soir',
      'week-end': 'Le week-end',
    },
  },
  en: {
    phase: {
      portrait: 'Portrait of the territory',
      cooperations: 'Cooperations',
      coalition: 'Territorial coalition',
    },
    phaseStatus: { 'a-venir': 'Upcoming', 'en-cours': 'In progress', terminee: 'Completed' },
    milestoneStatus: { 'a-venir': 'Upcoming', 'en-cours': 'In progress', atteint: 'Reached' },
    memberKind: {
      association: 'Association',
      entreprise: 'Business',
      collectivite: 'Local authority',
      elu: 'Elected official',
      fondation: 'Foundation',
      ess: 'Social economy',
      citoyen: 'Citizen',
      'service-public': 'Public service',
      autre: 'Other',
    },
    opportunityKind: {
      'entretien-portrait': 'Interview for the portrait',
      'atelier-cooperation': 'Cooperation workshop',
      benevolat: 'Volunteering',
      'rejoindre-coalition': 'Join the coalition',
      evenement: 'Event',
    },
    availability: {
      'semaine-journee': 'Weekdays, daytime',
      'semaine-soir': 'Weekday evenings',
      'week-end': 'Weekends',
    },
  },
};

/** The language of `element`: its own `lang`, else the nearest ancestor's (through shadow roots). */
export function languageOf(element: Element): Lang {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang.toLowerCase().startsWith('en') ? 'en' : 'fr';
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'fr';
}

/**
 * Intl formatters are costly to build (about 50 µs each in Chromium) and a map or a list formats
 * thousands of strings: each one is built once per language and options, then reused.
 */
const formatters = new Map<string, Intl.PluralRules | Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.PluralRules | Intl.NumberFormat | Intl.DateTimeFormat>(
  key: string,
  make: () => T,
): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}
const localeOf = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'fr-FR');

/**
 * A string with `{name}` and `{n, plural, one {…} other {…}}` filled in. A widget whose strings
 * live in its own chunk (its own table per language) fills them with this.
 */
export function fill(lang: Lang, template: string, params: Record<string, string | number> = {}): string {
  const locale = localeOf(lang);
  return template
    .replace(
      /\{(\w+), plural, one \{([^}]*)\} other \{([^}]*)\}\}/g,
      (_, name: string, one: string, other: string) => {
        const n = Number(params[name] ?? 0);
        const plural = cached(`plural:${locale}`, () => new Intl.PluralRules(locale));
        const number = cached(`number:${locale}`, () => new Intl.NumberFormat(locale));
        return (plural.select(n) === 'one' ? one : other).replace('#', number.format(n));
      },
    )
    .replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A string of the table with `{name}` and `{n, plural, one {…} other {…}}` filled in. */
export function translate(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return fill(lang, tables[lang][key], params);
}

/** « 1er » for the first day of a month in French, as French writes it. */
function dayParts(lang: Lang, parts: Intl.DateTimeFormatPart[]): string {
  return parts.map((p) => (lang === 'fr' && p.type === 'day' && p.value === '1' ? '1er' : p.value)).join('');
}

export function formatDate(lang: Lang, iso: string, withTime = false): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  const locale = localeOf(lang);
  const formatter = cached(
    `date:${locale}:${withTime}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'long',
        ...(withTime ? { timeStyle: 'short' } : {}),
        timeZone: withTime ? 'Europe/Paris' : 'UTC',
      }),
  );
  return dayParts(lang, formatter.formatToParts(date));
}

/** The day of an event in Paris: « samedi 12 décembre » (with the year when it is not this one). */
function eventDay(lang: Lang, date: Date): string {
  const locale = localeOf(lang);
  const paris = (d: Date) =>
    cached(
      `year:${locale}`,
      () => new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'Europe/Paris' }),
    ).format(d);
  const withYear = paris(date) !== paris(new Date());
  const formatter = cached(
    `day:${locale}:${withYear}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        ...(withYear ? { year: 'numeric' } : {}),
        timeZone: 'Europe/Paris',
      }),
  );
  return dayParts(lang, formatter.formatToParts(date));
}

/** A time in Paris: « 14 h », « 14 h 30 » in French; « 14:00 » in English. */
function eventTime(lang: Lang, date: Date): string {
  const locale = localeOf(lang);
  const parts = cached(
    `time:${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: 'Europe/Paris',
      }),
  ).formatToParts(date);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  if (lang === 'en') return `${hour}:${minute}`;
  return minute === '00' ? `${Number(hour)}\u00a0h` : `${Number(hour)}\u00a0h\u00a0${minute}`;
}

/**
 * When an event takes place, as a resident reads it: « samedi 12 décembre, 14 h – 17 h »; an
 * event over several days gives both days: « samedi 12 décembre, 14 h – dimanche 13 décembre, 12 h ».
 */
export function formatWhen(lang: Lang, startsAt: string, endsAt?: string | null): string {
  const start = new Date(startsAt);
  const from = `${eventDay(lang, start)}, ${eventTime(lang, start)}`;
  if (!endsAt) return from;
  const end = new Date(endsAt);
  const sameDay = eventDay(lang, start) === eventDay(lang, end);
  return `${from} – ${sameDay ? '' : `${eventDay(lang, end)}, `}${eventTime(lang, end)}`;
}

/** A duration in days as people say it: « 2 ans », « 6 mois », « 45 jours ». */
export function formatDuration(lang: Lang, days: number): string {
  const locale = localeOf(lang);
  const [value, unit] =
    days >= 365 && days % 365 === 0
      ? [days / 365, 'year']
      : days >= 30 && days % 30 === 0
        ? [days / 30, 'month']
        : [days, 'day'];
  return cached(
    `duration:${locale}:${unit}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }),
  )
    .format(value)
    .replace(/\s/gu, '\u00a0'); // a number and its unit on one line
}

export function formatPercent(lang: Lang, fraction: number): string {
  const locale = localeOf(lang);
  return cached(
    `percent:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
  ).format(fraction);
}
