/**
 * The texts of `<tec-cooperations>`, French first then English: in the widget's own chunk, not in
 * the runtime every widget loads.
 */
import type { CooperationStatus } from '@tec/contract';
import { stringTable, type Lang } from '../base/i18n.js';

const fr = {
  heading: 'Les coopérations du programme TEC',
  title: 'Les coopérations — {territory}',
  intro: 'Les coopérations concrètes que le binôme accompagne dans le territoire.',
  filter: 'Filtrer par commune',
  allCommunes: 'Toutes les communes ({n})',
  commune: '{name} ({n})',
  count: '{n, plural, one {# coopération} other {# coopérations}}',
  countIn: '{n, plural, one {# coopération} other {# coopérations}} à {commune}',
  list: 'Coopérations',
  startedOn: 'Lancée le {date}',
  notStarted: 'Pas encore lancée',
  actors: 'Acteurs',
  communes: 'Communes',
  needs: 'Besoins auxquels elle répond',
  actorLink: ', voir dans la liste des acteurs',
  empty: 'Aucune coopération n’est encore engagée dans ce territoire.',
  emptyCommune: 'Aucune coopération à {commune} pour le moment.',
  showAll: 'Voir toutes les communes',
  added: 'nouvelle coopération : {title}',
  updated: 'coopération mise à jour : {title}',
  removed: 'une coopération a été retirée',
};

type Table = Record<keyof typeof fr, string>;

const en: Table = {
  heading: 'TEC programme cooperations',
  title: 'Cooperations — {territory}',
  intro: 'The concrete cooperations the binôme supports in the territory.',
  filter: 'Filter by commune',
  allCommunes: 'All communes ({n})',
  commune: '{name} ({n})',
  count: '{n, plural, one {# cooperation} other {# cooperations}}',
  countIn: '{n, plural, one {# cooperation} other {# cooperations}} in {commune}',
  list: 'Cooperations',
  startedOn: 'Started on {date}',
  notStarted: 'Not started yet',
  actors: 'Actors',
  communes: 'Communes',
  needs: 'Needs it answers',
  actorLink: ', see in the list of actors',
  empty: 'No cooperation is under way in this territory yet.',
  emptyCommune: 'No cooperation in {commune} for now.',
  showAll: 'See every commune',
  added: 'new cooperation: {title}',
  updated: 'cooperation updated: {title}',
  removed: 'a cooperation was removed',
};

export const statusLabels: Record<Lang, Record<CooperationStatus, string>> = {
  fr: { 'en-preparation': 'En préparation', 'en-cours': 'En cours', perennisee: 'Pérennisée' },
  en: { 'en-preparation': 'In preparation', 'en-cours': 'Under way', perennisee: 'Made lasting' },
};

export const { tables, text } = stringTable(fr, en);
