<?php
/**
 * French and English. The strings are written in English, as WordPress expects, through its
 * i18n functions (text domain `tec-widgets`); the French is a PHP array (languages/fr_FR.php)
 * served through the `gettext_tec-widgets` filter for PHP, and as wp.i18n locale data for the
 * block's script — no .mo or JSON files to compile. Translations from translate.wordpress.org,
 * if any, still load first; this array has the last word for a French locale.
 *
 * @package TecWidgets
 */

namespace TecWidgets;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The translations for the current locale (empty for English).
 *
 * @return array<string, string>
 */
function translations(): array {
	static $cache = array();
	$locale = determine_locale();
	if ( ! isset( $cache[ $locale ] ) ) {
		$cache[ $locale ] = array();
		if ( str_starts_with( $locale, 'fr' ) ) {
			$table            = require DIR . '/languages/fr_FR.php';
			$cache[ $locale ] = is_array( $table ) ? $table : array();
		}
	}
	return $cache[ $locale ];
}

add_filter(
	'gettext_tec-widgets',
	static function ( $translation, $text ) {
		return translations()[ $text ] ?? $translation;
	},
	10,
	2
);
// block.json's title and description are translated with a context ('block title', …).
add_filter(
	'gettext_with_context_tec-widgets',
	static function ( $translation, $text ) {
		return translations()[ $text ] ?? $translation;
	},
	10,
	2
);

/**
 * The translations as wp.i18n locale data, or null for English.
 *
 * @return array<string, mixed>|null
 */
function locale_data(): ?array {
	$table = translations();
	if ( array() === $table ) {
		return null;
	}
	$data = array(
		'' => array(
			'domain' => 'tec-widgets',
			'lang'   => determine_locale(),
		),
	);
	foreach ( $table as $msgid => $msgstr ) {
		$data[ $msgid ] = array( $msgstr );
	}
	return $data;
}
