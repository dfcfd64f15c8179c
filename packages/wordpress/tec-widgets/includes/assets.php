<?php
/**
 * The loader (tec.js) and its style sheet (tec.css): enqueued once per page, only on pages that
 * hold a widget, with the SRI hashes the build wrote into cdn.json from the CDN set's manifest.
 * Also what a site's Content-Security-Policy must allow.
 *
 * @package TecWidgets
 */

namespace TecWidgets;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const LOADER = 'tec-widgets-loader';
const STYLE  = 'tec-widgets';

/**
 * The CDN set this plugin was built with: its version and the hash of each file, or null when
 * the plugin was not built (cdn.json missing or broken).
 *
 * @return array{version: string, files: array<string, string>}|null
 */
function cdn(): ?array {
	static $cdn = false;
	if ( false === $cdn ) {
		$cdn  = null;
		$path = DIR . '/cdn.json';
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
		$data = is_readable( $path ) ? json_decode( (string) file_get_contents( $path ), true ) : null;
		if (
			is_array( $data ) && is_string( $data['version'] ?? null ) && isset( $data['files'] )
			&& is_string( $data['files']['tec.js'] ?? null ) && is_string( $data['files']['tec.css'] ?? null )
		) {
			$cdn = $data;
		}
	}
	return $cdn;
}

/**
 * The address of a file of the CDN set.
 *
 * @param string $file E.g. tec.js.
 */
function asset_url( string $file ): string {
	$cdn = cdn();
	return trailingslashit( settings()['cdn_url'] ) . ( $cdn['version'] ?? VERSION ) . '/' . $file;
}

/**
 * What a Content-Security-Policy must allow for the widgets, by directive.
 *
 * @return array<string, list<string>>
 */
function csp(): array {
	$origin = static function ( string $url ): ?string {
		$parts = wp_parse_url( $url );
		if ( ! is_array( $parts ) || empty( $parts['host'] ) ) {
			return null;
		}
		return $parts['scheme'] . '://' . $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
	};
	$s   = settings();
	$cdn = $origin( $s['cdn_url'] );
	$api = $origin( $s['api_url'] );
	$csp = array(
		'script-src'   => array_values( array_filter( array( $cdn ) ) ),
		'style-src'    => array_values( array_filter( array( $cdn ) ) ),
		'connect-src'  => array_values( array_filter( array( $api ) ) ),
		'img-src'      => array_values( array_filter( array( $api ) ) ),
		'trusted-types' => array( 'lit-html' ),
	);
	/**
	 * Filters the sources the widgets need, for plugins that write the site's policy.
	 *
	 * @param array<string, list<string>> $csp Sources by directive.
	 */
	return apply_filters( 'tec_widgets_csp', $csp );
}

/** The policy's lines, to copy into a site's own. */
function csp_text(): string {
	$lines = array();
	foreach ( csp() as $directive => $sources ) {
		$lines[] = $directive . ' ' . implode( ' ', $sources ) . ';';
	}
	$lines[] = "require-trusted-types-for 'script';";
	return implode( "\n", $lines );
}

/**
 * Registers (does not print) the loader and the style sheet; true when the plugin was built.
 */
function register_assets(): bool {
	if ( null === cdn() ) {
		return false;
	}
	if ( ! wp_script_is( LOADER, 'registered' ) ) {
		// No version query: the version folder makes the URL immutable, and the hash fixes it.
		wp_register_script( LOADER, asset_url( 'tec.js' ), array(), null, false ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion
		wp_register_style( STYLE, asset_url( 'tec.css' ), array(), null ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion
	}
	return true;
}

/** Enqueues both, once: WordPress prints a handle once however often it is enqueued. */
function enqueue_assets(): void {
	if ( register_assets() ) {
		wp_enqueue_script( LOADER );
		wp_enqueue_style( STYLE );
	}
}

add_filter( 'script_loader_tag', __NAMESPACE__ . '\\loader_tag', 10, 3 );
add_filter( 'style_loader_tag', __NAMESPACE__ . '\\style_tag', 10, 3 );

/**
 * The loader's tag: a module, checked against its hash (WordPress 6.1 has no module API).
 *
 * @param string $tag    The tag WordPress wrote.
 * @param string $handle Its handle.
 * @param string $src    Its address.
 */
function loader_tag( $tag, $handle, $src ) {
	if ( LOADER !== $handle || null === cdn() ) {
		return $tag;
	}
	return sprintf(
		'<script type="module" src="%s" integrity="%s" crossorigin="anonymous" id="%s-js"></script>' . "\n",
		esc_url( $src ),
		esc_attr( cdn()['files']['tec.js'] ),
		esc_attr( LOADER )
	);
}

/**
 * The style sheet's tag, checked against its hash.
 *
 * @param string $tag    The tag WordPress wrote.
 * @param string $handle Its handle.
 * @param string $href   Its address.
 */
function style_tag( $tag, $handle, $href ) {
	if ( STYLE !== $handle || null === cdn() ) {
		return $tag;
	}
	return sprintf(
		'<link rel="stylesheet" href="%s" integrity="%s" crossorigin="anonymous" id="%s-css">' . "\n",
		esc_url( $href ),
		esc_attr( cdn()['files']['tec.css'] ),
		esc_attr( STYLE )
	);
}

add_action( 'wp_enqueue_scripts', __NAMESPACE__ . '\\enqueue_for_page' );

/**
 * In `<head>`, for the posts this page shows: a block or a shortcode means the loader and the
 * style sheet (tec.css holds the widgets' height before the script runs: no layout shift).
 * A widget found later (a template part, a text widget) enqueues them as it renders.
 */
function enqueue_for_page(): void {
	global $wp_query;
	$posts = ( $wp_query instanceof \WP_Query && is_array( $wp_query->posts ) ) ? $wp_query->posts : array();
	foreach ( $posts as $post ) {
		if ( $post instanceof \WP_Post && holds_widget( $post->post_content ) ) {
			enqueue_assets();
			return;
		}
	}
}

/**
 * Whether content holds the block or the shortcode.
 *
 * @param string $content A post's content.
 */
function holds_widget( string $content ): bool {
	return has_block( 'tec/widget', $content ) || has_shortcode( $content, 'tec' );
}

add_action( 'enqueue_block_editor_assets', __NAMESPACE__ . '\\enqueue_editor' );

/**
 * In the block editor: the loader for the live preview, and the settings and widget list for
 * the block's script.
 */
function enqueue_editor(): void {
	enqueue_assets();
	$s       = settings();
	$widgets = array();
	foreach ( widgets() as $name => $widget ) {
		$widgets[ $name ] = array(
			'tag'       => $widget['tag'],
			'label'     => $widget['label'],
			'fallback'  => $widget['fallback'],
			'territory' => $widget['territory'],
			'options'   => $widget['options'],
		);
	}
	$config = array(
		'api'        => $s['api_url'],
		'territory'  => $s['territory'],
		'theme'      => $s['theme'],
		'link'       => link_url(),
		'controller' => $s['controller'],
		'contact'    => $s['controller_contact'],
		'built'      => null !== cdn(),
		'widgets'    => $widgets,
	);
	wp_add_inline_script(
		'tec-widget-editor-script',
		'window.tecWidgets = ' . wp_json_encode( $config, JSON_HEX_TAG | JSON_HEX_AMP ) . ';',
		'before'
	);
	$locale = locale_data();
	if ( null !== $locale ) {
		wp_add_inline_script(
			'tec-widget-editor-script',
			'wp.i18n.setLocaleData(' . wp_json_encode( $locale, JSON_HEX_TAG | JSON_HEX_AMP ) . ', "tec-widgets");',
			'before'
		);
	}
}
