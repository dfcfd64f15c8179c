<?php
/**
 * Les chaînes de l’extension en français : msgid anglais => traduction. Every string passed to
 * WordPress's i18n functions with the `tec-widgets` domain has its line here (a test checks it).
 *
 * @package TecWidgets
 */

return array(
	// Block (block.json) and widgets.
	'Widget TEC'                                   => 'Widget TEC',
	'A live widget of the TEC programme: map, phases, coalition or calls to engage.' => 'Un widget en direct du programme TEC : carte, phases, coalition ou appels à l’engagement.',
	'Territory map'                                => 'Carte des territoires',
	'Phase tracker'                                => 'Avancement des phases',
	'Coalition members'                            => 'Membres de la coalition',
	'Calls to engage'                              => 'Appels à l’engagement',
	'The TEC territories'                          => 'Les territoires TEC',
	'See the progress of the programme'            => 'Voir l’avancement du projet',
	'The members of the coalition'                 => 'Les membres de la coalition',
	'Take part in the programme'                   => 'S’engager dans le programme',
	'Territoires d’Engagement et de Coopération'   => 'Territoires d’Engagement et de Coopération',

	// Block editor.
	'Widget'                                       => 'Widget',
	'Territory'                                    => 'Territoire',
	'Theme'                                        => 'Thème',
	'Options'                                      => 'Options',
	'All territories'                              => 'Tous les territoires',
	'Layout'                                       => 'Disposition',
	'Variant'                                      => 'Présentation',
	'Fixed map (no zoom or pan)'                   => 'Carte fixe (sans zoom ni déplacement)',
	'Data controller (default: Settings → TEC)'    => 'Responsable du traitement (par défaut : Réglages → TEC)',
	'Controller\'s contact (default: Settings → TEC)' => 'Contact du responsable (par défaut : Réglages → TEC)',
	'Default (%s)'                                 => 'Par défaut (%s)',
	'Choose a widget.'                             => 'Choisissez un widget.',
	'The list of territories could not be loaded from the API.' => 'La liste des territoires n’a pas pu être chargée depuis l’API.',
	'Set the address of the TEC API in Settings → TEC to see the widget.' => 'Indiquez l’adresse de l’API TEC dans Réglages → TEC pour voir le widget.',

	// Settings.
	'TEC widgets'                                  => 'Widgets TEC',
	'Where the widgets come from'                  => 'D’où viennent les widgets',
	'Defaults'                                     => 'Valeurs par défaut',
	'TEC API address'                              => 'Adresse de l’API TEC',
	'E.g. https://api.example.org: where the widgets read their data.' => 'Par exemple https://api.example.org : là où les widgets lisent leurs données.',
	'CDN address'                                  => 'Adresse du CDN',
	'The folder holding the versions of the CDN set (tec.js is read from its version folder, checked against the hash shipped with the plugin).' => 'Le dossier qui contient les versions des fichiers des widgets (tec.js est lu dans le dossier de sa version et vérifié avec l’empreinte livrée avec l’extension).',
	'Default territory'                            => 'Territoire par défaut',
	'Its slug, e.g. roya: used when a widget names none.' => 'Son identifiant, par exemple roya : utilisé quand un widget n’en indique pas.',
	'Default theme'                                => 'Thème par défaut',
	'Automatic (follows the visitor\'s system)'    => 'Automatique (suit le système du visiteur)',
	'Light'                                        => 'Clair',
	'Dark'                                         => 'Sombre',
	'Link shown until the widgets load'            => 'Lien affiché avant le chargement des widgets',
	'A page about TEC, shown to visitors without JavaScript and when a widget cannot be shown.' => 'Une page sur TEC, proposée aux visiteurs sans JavaScript et quand un widget ne peut pas s’afficher.',
	'Data controller of the sign-up form'          => 'Responsable du traitement du formulaire d’inscription',
	'Named in the form\'s data-protection notice, e.g. Commune de Saint-Exemple.' => 'Nommé dans la mention d’information du formulaire, par exemple Commune de Saint-Exemple.',
	'Controller\'s contact'                        => 'Contact du responsable du traitement',
	'An e-mail address or a web address.'          => 'Une adresse e-mail ou une adresse web.',
	'"%s" is not an http(s) address: the previous value is kept.' => '« %s » n’est pas une adresse http(s) : la valeur précédente est conservée.',
	'A territory is written in lowercase letters, digits and hyphens (e.g. roya): the previous value is kept.' => 'Un territoire s’écrit en minuscules, chiffres et tirets (par exemple roya) : la valeur précédente est conservée.',
	'The contact is an e-mail address or an http(s) address: the previous value is kept.' => 'Le contact est une adresse e-mail ou une adresse http(s) : la valeur précédente est conservée.',
	'Content-Security-Policy'                      => 'Content-Security-Policy',
	'If your site sends a Content-Security-Policy, it must allow these sources (the widgets use no eval, no inline script or style, and support Trusted Types):' => 'Si votre site envoie une Content-Security-Policy, elle doit autoriser ces sources (les widgets n’utilisent ni eval, ni script ou style en ligne, et prennent en charge Trusted Types) :',
	'Version of the widgets'                       => 'Version des widgets',
	'Version %s, every file checked against its hash (SRI):' => 'Version %s, chaque fichier vérifié avec son empreinte (SRI) :',
	'The plugin was not built: cdn.json is missing, so no widget is loaded.' => 'L’extension n’a pas été construite : cdn.json manque, aucun widget n’est chargé.',

	// Comments written in the page's source when a widget cannot be shown.
	'unknown widget %1$s (one of: %2$s).'          => 'widget %1$s inconnu (valeurs possibles : %2$s).',
	'this widget\'s tag is not a TEC tag.'         => 'la balise de ce widget n’est pas une balise TEC.',
	'the address of the TEC API is not set (Settings → TEC).' => 'l’adresse de l’API TEC n’est pas réglée (Réglages → TEC).',
	'the plugin was not built (cdn.json is missing).' => 'l’extension n’a pas été construite (cdn.json manque).',
	'the territory must be text.'                  => 'le territoire doit être un texte.',
	'territory %s is not a territory slug (lowercase letters, digits, hyphens, e.g. roya).' => 'le territoire %s n’est pas un identifiant de territoire (minuscules, chiffres, tirets, par exemple roya).',
	'this widget needs a territory, and no default territory is set (Settings → TEC).' => 'ce widget demande un territoire, et aucun territoire par défaut n’est réglé (Réglages → TEC).',
	'theme %1$s is not one of %2$s.'               => 'le thème %1$s n’est pas l’un de : %2$s.',
	'attribute %s ignored: this widget has no such option.' => 'attribut %s ignoré : ce widget n’a pas cette option.',
	'option %1$s cannot be %2$s.'                  => 'l’option %1$s ne peut pas valoir %2$s.',

	// Privacy policy guide.
	'Some pages of this site show widgets of the Territoires d’Engagement et de Coopération (TEC) programme. They show public data of the programme. They set no cookie, store nothing in your browser and contact only the TEC API and the server that delivers their code, with no analytics and no web font; like any web server, these may see your IP address and browser when your browser asks them for the widgets.' => 'Certaines pages de ce site affichent des widgets du programme Territoires d’Engagement et de Coopération (TEC). Ils montrent des données publiques du programme. Ils ne déposent aucun cookie, n’enregistrent rien dans votre navigateur et ne contactent que l’API TEC et le serveur qui fournit leur code, sans mesure d’audience ni police web ; comme tout serveur web, ceux-ci peuvent voir votre adresse IP et votre navigateur quand celui-ci leur demande les widgets.',
	'TEC API: %s.'                                 => 'API TEC : %s.',
	'If you sign up for an opportunity through a TEC form, your first name, e-mail address and, if you give them, your availabilities go to the controller named in the form, with your consent, and are kept two years at most; you can have them erased at any time.' => 'Si vous vous inscrivez à un appel à l’engagement par un formulaire TEC, votre prénom, votre adresse e-mail et, si vous les donnez, vos disponibilités sont transmis au responsable du traitement nommé dans le formulaire, avec votre consentement, et conservés deux ans au plus ; vous pouvez les faire effacer à tout moment.',
);
