/**
 * The API writes its attributions in French (« Contours : IGN Admin Express 2018, Licence
 * Ouverte »); an English map says the same in English. Unknown phrases are left as they are.
 */
const ENGLISH: [RegExp, string][] = [
  [/Contours : /g, 'Boundaries: '],
  [/Licence Ouverte/g, 'Licence Ouverte (Open Licence)'],
  [/Fond de carte : Natural Earth \(domaine public\)/g, 'Base map: Natural Earth (public domain)'],
  [/contour de (.+?) approximatif \(démonstration\)/g, 'approximate outline of $1 (demo)'],
  [
    /Contour du quartier approximatif, tracé pour la démonstration/g,
    'Approximate neighbourhood outline, drawn for the demo',
  ],
  [/limite communale : /g, 'commune border: '],
  [/ ; /g, '; '],
];

export function attributionIn(lang: string, text: string): string {
  return lang === 'en' ? ENGLISH.reduce((s, [pattern, english]) => s.replace(pattern, english), text) : text;
}
