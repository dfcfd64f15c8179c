/**
 * The texts of `<tec-engagement-cta>`, French first then English: in the widget's own chunk, not in the
 * runtime every widget loads (the base keeps only the states every widget shares).
 */
import { stringTable } from '../base/i18n.js';

const fr = {
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
    'E-mails : votre adresse sert à vous envoyer la confirmation (avec un lien pour annuler), un rappel la veille, sur liste d’attente l’annonce d’une place libérée, et la confirmation de votre annulation si vous annulez. Les messages ne sont pas conservés une fois envoyés ; seule la trace de leur envoi est gardée, et effacée avec votre inscription.',
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
};

export type Key = keyof typeof fr;
type Table = Record<Key, string>;

const en: Table = {
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
    'E-mails: your address is used to send you the confirmation (with a link to cancel), a reminder the day before, on the waiting list news of a place that opened up, and a confirmation if you cancel. Messages are not kept once sent; only the record that they were sent is, and it is erased with your sign-up.',
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
};

export const { tables, isOwn, text } = stringTable(fr, en);
