/**
 * Labels of the contract's enums, per language: imported by the widgets that show them, so they
 * travel in those widgets' chunks, not in the runtime every widget loads.
 */
import type {
  MemberKind,
  OpportunityKind,
  PhaseKey,
  PhaseStatus,
  MilestoneStatus,
  Availability,
} from '@tec/contract';
import type { Lang } from './i18n.js';

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
