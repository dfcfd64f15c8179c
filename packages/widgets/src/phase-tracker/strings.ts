/**
 * The texts of `<tec-phase-tracker>`, French first then English: in the widget's own chunk, not in the
 * runtime every widget loads (the base keeps only the states every widget shares).
 */
import { stringTable } from '../base/i18n.js';

const fr = {
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
};

export type Key = keyof typeof fr;
type Table = Record<Key, string>;

const en: Table = {
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
};

export const { tables, isOwn, text } = stringTable(fr, en);
