<?php
/**
 * Réglages → TEC: the API and CDN addresses, the default territory and theme, the link shown
 * until the script runs, and who controls the data of the sign-up form. One option,
 * `tec_widgets_settings`; every value is checked before it is stored.
 *
 * @package TecWidgets
 */

namespace TecWidgets;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const OPTION   = 'tec_widgets_settings';
const THEMES   = array( 'auto', 'light', 'dark' );
const SLUG_RE  = '/^[a-z0-9-]{1,64}$/';
const PAGE     = 'tec-widgets';
const DEFAULTS = array(
	'api_url'            => '',
	'cdn_url'            => 'https://cdn.example.org/tec/',
	'territory'          => '',
	'theme'              => 'auto',
	'link_url'           => '',
	'controller'         => '',
	'controller_contact' => '',
);

/**
 * The settings, with their defaults.
 *
 * @return array<string, string>
 */
function settings(): array {
	$stored = get_option( OPTION, array() );
	$merged = DEFAULTS;
	if ( is_array( $stored ) ) {
		foreach ( DEFAULTS as $key => $default ) {
			if ( isset( $stored[ $key ] ) && is_string( $stored[ $key ] ) ) {
				$merged[ $key ] = $stored[ $key ];
			}
		}
	}
	return $merged;
}

/**
 * An absolute http(s) URL, or null.
 *
 * @param mixed $value What was typed.
 */
function http_url( $value ): ?string {
	if ( ! is_string( $value ) ) {
		return null;
	}
	$value = trim( $value );
	$parts = wp_parse_url( $value );
	if ( ! is_array( $parts ) || empty( $parts['host'] ) || ! in_array( $parts['scheme'] ?? '', array( 'http', 'https' ), true ) ) {
		return null;
	}
	if ( preg_match( '/[\s<>"\'`]/', $value ) ) {
		return null;
	}
	return $value;
}

/**
 * Checks what the settings form sent; a bad value keeps the stored one and says why.
 *
 * @param mixed $input The form's values.
 * @return array<string, string>
 */
function sanitize_settings( $input ): array {
	$old   = settings();
	$input = is_array( $input ) ? wp_unslash( $input ) : array();
	$out   = $old;
	$fail  = static function ( string $field, string $message ) {
		add_settings_error( OPTION, 'tec-' . $field, $message );
	};

	foreach ( array( 'api_url', 'cdn_url', 'link_url' ) as $field ) {
		$value = is_string( $input[ $field ] ?? null ) ? trim( $input[ $field ] ) : '';
		if ( '' === $value ) {
			$out[ $field ] = 'cdn_url' === $field ? DEFAULTS['cdn_url'] : '';
			continue;
		}
		$url = http_url( $value );
		if ( null === $url ) {
			/* translators: %s: the address that was typed. */
			$fail( $field, sprintf( __( '"%s" is not an http(s) address: the previous value is kept.', 'tec-widgets' ), $value ) );
			continue;
		}
		$out[ $field ] = 'cdn_url' === $field ? trailingslashit( $url ) : untrailingslashit( $url );
	}

	$territory = is_string( $input['territory'] ?? null ) ? trim( $input['territory'] ) : '';
	if ( '' === $territory || preg_match( SLUG_RE, $territory ) ) {
		$out['territory'] = $territory;
	} else {
		$fail( 'territory', __( 'A territory is written in lowercase letters, digits and hyphens (e.g. roya): the previous value is kept.', 'tec-widgets' ) );
	}

	$theme        = is_string( $input['theme'] ?? null ) ? $input['theme'] : '';
	$out['theme'] = in_array( $theme, THEMES, true ) ? $theme : 'auto';

	$controller        = is_string( $input['controller'] ?? null ) ? sanitize_text_field( $input['controller'] ) : '';
	$out['controller'] = mb_substr( $controller, 0, 200 );

	$contact = is_string( $input['controller_contact'] ?? null ) ? trim( $input['controller_contact'] ) : '';
	if ( '' === $contact || null !== contact( $contact ) ) {
		$out['controller_contact'] = $contact;
	} else {
		$fail( 'controller_contact', __( 'The contact is an e-mail address or an http(s) address: the previous value is kept.', 'tec-widgets' ) );
	}
	return $out;
}

/**
 * An e-mail address or an http(s) URL, or null.
 *
 * @param string $value What was typed.
 */
function contact( string $value ): ?string {
	if ( is_email( $value ) ) {
		return $value;
	}
	return http_url( $value );
}

add_action( 'admin_init', __NAMESPACE__ . '\\register_settings' );
add_action( 'admin_menu', __NAMESPACE__ . '\\add_settings_page' );

/** Declares the option and its fields (Settings API). */
function register_settings(): void {
	register_setting(
		PAGE,
		OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => __NAMESPACE__ . '\\sanitize_settings',
			'default'           => DEFAULTS,
			'show_in_rest'      => false,
		)
	);
	add_settings_section( 'tec-sources', __( 'Where the widgets come from', 'tec-widgets' ), '__return_null', PAGE );
	add_settings_section( 'tec-defaults', __( 'Defaults', 'tec-widgets' ), '__return_null', PAGE );

	$fields = array(
		'api_url'            => array( 'tec-sources', __( 'TEC API address', 'tec-widgets' ), 'url', __( 'E.g. https://api.example.org: where the widgets read their data.', 'tec-widgets' ) ),
		'cdn_url'            => array( 'tec-sources', __( 'CDN address', 'tec-widgets' ), 'url', __( 'The folder holding the versions of the CDN set (tec.js is read from its version folder, checked against the hash shipped with the plugin).', 'tec-widgets' ) ),
		'territory'          => array( 'tec-defaults', __( 'Default territory', 'tec-widgets' ), 'text', __( 'Its slug, e.g. roya: used when a widget names none.', 'tec-widgets' ) ),
		'theme'              => array( 'tec-defaults', __( 'Default theme', 'tec-widgets' ), 'theme', '' ),
		'link_url'           => array( 'tec-defaults', __( 'Link shown until the widgets load', 'tec-widgets' ), 'url', __( 'A page about TEC, shown to visitors without JavaScript and when a widget cannot be shown.', 'tec-widgets' ) ),
		'controller'         => array( 'tec-defaults', __( 'Data controller of the sign-up form', 'tec-widgets' ), 'text', __( 'Named in the form\'s data-protection notice, e.g. Commune de Saint-Exemple.', 'tec-widgets' ) ),
		'controller_contact' => array( 'tec-defaults', __( 'Controller\'s contact', 'tec-widgets' ), 'text', __( 'An e-mail address or a web address.', 'tec-widgets' ) ),
	);
	foreach ( $fields as $key => [ $section, $label, $type, $help ] ) {
		add_settings_field(
			'tec-' . $key,
			$label,
			__NAMESPACE__ . '\\render_field',
			PAGE,
			$section,
			array(
				'key'       => $key,
				'type'      => $type,
				'help'      => $help,
				'label_for' => 'tec-' . $key,
			)
		);
	}
}

/**
 * One field of the settings form.
 *
 * @param array{key: string, type: string, help: string} $args The field.
 */
function render_field( array $args ): void {
	$value = settings()[ $args['key'] ];
	$id    = 'tec-' . $args['key'];
	$name  = OPTION . '[' . $args['key'] . ']';
	$help  = '' !== $args['help'] ? $id . '-help' : '';
	if ( 'theme' === $args['type'] ) {
		$labels = array(
			'auto'  => __( 'Automatic (follows the visitor\'s system)', 'tec-widgets' ),
			'light' => __( 'Light', 'tec-widgets' ),
			'dark'  => __( 'Dark', 'tec-widgets' ),
		);
		printf( '<select id="%s" name="%s">', esc_attr( $id ), esc_attr( $name ) );
		foreach ( $labels as $theme => $label ) {
			printf( '<option value="%s"%s>%s</option>', esc_attr( $theme ), selected( $value, $theme, false ), esc_html( $label ) );
		}
		echo '</select>';
		return;
	}
	printf(
		'<input type="%s" class="regular-text" id="%s" name="%s" value="%s"%s%s>',
		'url' === $args['type'] ? 'url' : 'text',
		esc_attr( $id ),
		esc_attr( $name ),
		esc_attr( $value ),
		'' !== $help ? ' aria-describedby="' . esc_attr( $help ) . '"' : '',
		'url' === $args['type'] ? ' autocomplete="url"' : ''
	);
	if ( '' !== $help ) {
		printf( '<p class="description" id="%s">%s</p>', esc_attr( $help ), esc_html( $args['help'] ) );
	}
}

/** Réglages → TEC. */
function add_settings_page(): void {
	add_options_page( __( 'TEC widgets', 'tec-widgets' ), 'TEC', 'manage_options', PAGE, __NAMESPACE__ . '\\render_settings_page' );
}

/** The settings page, with what a Content-Security-Policy must allow. */
function render_settings_page(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$cdn = cdn();
	echo '<div class="wrap"><h1>' . esc_html__( 'TEC widgets', 'tec-widgets' ) . '</h1>';
	echo '<form method="post" action="options.php">';
	settings_fields( PAGE );
	do_settings_sections( PAGE );
	submit_button();
	echo '</form>';

	echo '<h2>' . esc_html__( 'Content-Security-Policy', 'tec-widgets' ) . '</h2>';
	echo '<p>' . esc_html__( 'If your site sends a Content-Security-Policy, it must allow these sources (the widgets use no eval, no inline script or style, and support Trusted Types):', 'tec-widgets' ) . '</p>';
	echo '<pre id="tec-csp">' . esc_html( csp_text() ) . '</pre>';

	echo '<h2>' . esc_html__( 'Version of the widgets', 'tec-widgets' ) . '</h2>';
	if ( null === $cdn ) {
		echo '<p>' . esc_html__( 'The plugin was not built: cdn.json is missing, so no widget is loaded.', 'tec-widgets' ) . '</p>';
	} else {
		printf(
			'<p>%s</p><ul><li><code>%s</code> <code>%s</code></li><li><code>%s</code> <code>%s</code></li></ul>',
			/* translators: %s: version number. */
			esc_html( sprintf( __( 'Version %s, every file checked against its hash (SRI):', 'tec-widgets' ), $cdn['version'] ) ),
			esc_html( asset_url( 'tec.js' ) ),
			esc_html( $cdn['files']['tec.js'] ),
			esc_html( asset_url( 'tec.css' ) ),
			esc_html( $cdn['files']['tec.css'] )
		);
	}
	echo '</div>';
}
