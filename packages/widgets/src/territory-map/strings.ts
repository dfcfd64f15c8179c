/**
 * The texts of `<tec-territory-map>`, French first then English: in the widget's own chunk, not in the
 * runtime every widget loads (the base keeps only the states every widget shares).
 */
import { stringTable } from '../base/i18n.js';

const fr = {
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
  inSelection: 'en cours de sélection',
  membersAt: '{n, plural, one {# membre} other {# membres}}',
  approximate: 'Contours approximatifs.',
  phaseNumber: 'Phase {n}',
};

export type Key = keyof typeof fr;
type Table = Record<Key, string>;

const en: Table = {
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
  inSelection: 'being selected',
  membersAt: '{n, plural, one {# member} other {# members}}',
  approximate: 'Approximate outlines.',
  phaseNumber: 'Phase {n}',
};

export const { tables, isOwn, text } = stringTable(fr, en);
