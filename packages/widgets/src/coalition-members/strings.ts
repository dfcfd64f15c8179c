/**
 * The texts of `<tec-coalition-members>`, French first then English: in the widget's own chunk, not in the
 * runtime every widget loads (the base keeps only the states every widget shares).
 */
import { stringTable } from '../base/i18n.js';

const fr = {
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
  memberRemoved: 'membre retiré de la liste : {name}',
  actorRemoved: 'acteur retiré de la liste : {name}',
  coalitionBegun: 'la coalition territoriale a commencé, la liste présente ses membres',
  members: 'Membres de la coalition',
  actors: 'Acteurs engagés',
  membersHelp: 'Flèches haut et bas pour passer d’un nom à l’autre, Entrée pour voir le détail.',
  memberKind: 'Type',
  memberCommune: 'Commune',
  memberRole: 'Rôle',
  memberJoined: 'Membre depuis le',
};

export type Key = keyof typeof fr;
type Table = Record<Key, string>;

const en: Table = {
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
  memberRemoved: 'member removed from the list: {name}',
  actorRemoved: 'actor removed from the list: {name}',
  coalitionBegun: 'the territorial coalition has begun, the list shows its members',
  members: 'Coalition members',
  actors: 'Committed actors',
  membersHelp: 'Up and down arrows move between names, Enter shows the details.',
  memberKind: 'Kind',
  memberCommune: 'Commune',
  memberRole: 'Role',
  memberJoined: 'Member since',
};

export const { tables, isOwn, text } = stringTable(fr, en);
