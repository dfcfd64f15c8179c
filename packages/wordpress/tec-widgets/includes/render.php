<?php
/**
 * One renderer for the block and the shortcode: it checks every attribute and writes the
 * widget's tag around the link shown until the script runs. A bad value writes that link
 * alone, after an HTML comment that says why — never a PHP notice, never the value unescaped.
 *
 * @package TecWidgets
 */

namespace TecWidgets;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const SHARED = array( 'widget', 'territory', 'theme' );

/**
 * `[tec widget="phase-tracker" territory="roya" theme="light"]`.
 *
 * @param array<int|string, string>|string $atts The shortcode's attributes ('' when none).
 */
function render_shortcode( $atts ): string {
	return render( is_array( $atts ) ? $atts : array() );
}

/**
 * The block: its attributes as the shortcode's, inside the block's wrapper.
 *
 * @param array<string, mixed> $attributes The block's attributes.
 */
function render_block( $attributes ): string {
	$attributes = is_array( $attributes ) ? $attributes : array();
	$atts       = array();
	foreach ( SHARED as $key ) {
		if ( isset( $attributes[ $key ] ) ) {
			$atts[ $key ] = $attributes[ $key ];
		}
	}
	if ( isset( $attributes['options'] ) && is_array( $attributes['options'] ) ) {
		foreach ( $attributes['options'] as $key => $value ) {
			if ( is_string( $key ) && ! in_array( $key, SHARED, true ) ) {
				$atts[ $key ] = $value;
			}
		}
	}
	return '<div ' . get_block_wrapper_attributes() . '>' . render( $atts ) . '</div>';
}

/**
 * The link shown inside the tag until the script runs, or alone when the widget cannot be shown.
 *
 * @param string $text What it says.
 */
function fallback_link( string $text ): string {
	$url = link_url();
	if ( '' === $url ) {
		return '<span class="tec-widget-fallback">' . esc_html( $text ) . '</span>';
	}
	return '<a class="tec-widget-fallback" href="' . esc_url( $url ) . '">' . esc_html( $text ) . '</a>';
}

/** The page the fallback link leads to (Settings → TEC), or ''. */
function link_url(): string {
	return settings()['link_url'];
}

/**
 * A value to quote in an HTML comment: cut short, escaped (no `>` can close the comment).
 *
 * @param mixed $value What was given.
 */
function quote( $value ): string {
	$text = is_scalar( $value ) ? (string) $value : gettype( $value );
	$text = wp_check_invalid_utf8( $text, true );
	if ( mb_strlen( $text ) > 64 ) {
		$text = mb_substr( $text, 0, 64 ) . '…';
	}
	return '"' . str_replace( '--', '- -', esc_html( $text ) ) . '"';
}

/**
 * A comment for the page's source, where a webmaster looks when a widget does not show.
 *
 * @param string $why Already built with quote() for any value given.
 */
function comment( string $why ): string {
	return '<!-- TEC: ' . str_replace( array( '--', '>' ), array( '- -', '&gt;' ), $why ) . ' -->';
}

/**
 * The link alone, after a comment saying why the widget is not shown.
 *
 * @param string                      $why    Why.
 * @param array{fallback: string}|null $widget The widget, when known.
 */
function refuse( string $why, ?array $widget = null ): string {
	return comment( $why ) . fallback_link( $widget['fallback'] ?? __( 'Territoires d’Engagement et de Coopération', 'tec-widgets' ) );
}

/**
 * Checks the attributes and writes the widget.
 *
 * @param array<int|string, mixed> $atts From the shortcode or the block.
 */
function render( array $atts ): string {
	$s       = settings();
	$widgets = widgets();
	$name    = $atts['widget'] ?? '';
	if ( ! is_string( $name ) || ! isset( $widgets[ $name ] ) ) {
		return refuse(
			sprintf(
				/* translators: 1: the value given, 2: the allowed values. */
				__( 'unknown widget %1$s (one of: %2$s).', 'tec-widgets' ),
				quote( $name ),
				implode( ', ', array_keys( $widgets ) )
			)
		);
	}
	$widget = $widgets[ $name ];
	$tag    = $widget['tag'];
	if ( ! preg_match( '/^tec-[a-z0-9]+(-[a-z0-9]+)+$/', $tag ) ) {
		return refuse( __( 'this widget\'s tag is not a TEC tag.', 'tec-widgets' ), $widget );
	}
	if ( '' === $s['api_url'] ) {
		return refuse( __( 'the address of the TEC API is not set (Settings → TEC).', 'tec-widgets' ), $widget );
	}
	if ( null === cdn() ) {
		return refuse( __( 'the plugin was not built (cdn.json is missing).', 'tec-widgets' ), $widget );
	}

	$out = array( 'api' => $s['api_url'] );

	$territory = $atts['territory'] ?? '';
	if ( ! is_string( $territory ) ) {
		return refuse( __( 'the territory must be text.', 'tec-widgets' ), $widget );
	}
	if ( '' === $territory && $widget['territory'] ) {
		$territory = $s['territory'];
	}
	if ( '' !== $territory && ! preg_match( SLUG_RE, $territory ) ) {
		return refuse(
			/* translators: %s: the value given. */
			sprintf( __( 'territory %s is not a territory slug (lowercase letters, digits, hyphens, e.g. roya).', 'tec-widgets' ), quote( $territory ) ),
			$widget
		);
	}
	if ( '' === $territory && $widget['territory'] ) {
		return refuse( __( 'this widget needs a territory, and no default territory is set (Settings → TEC).', 'tec-widgets' ), $widget );
	}
	if ( '' !== $territory ) {
		$out['territory'] = $territory;
	}

	$theme = $atts['theme'] ?? '';
	if ( '' === $theme ) {
		$theme = $s['theme'];
	}
	if ( ! is_string( $theme ) || ! in_array( $theme, THEMES, true ) ) {
		return refuse(
			/* translators: 1: the value given, 2: the allowed values. */
			sprintf( __( 'theme %1$s is not one of %2$s.', 'tec-widgets' ), quote( $theme ), implode( ', ', THEMES ) ),
			$widget
		);
	}
	$out['theme'] = $theme;

	// Defaults from the settings for the sign-up form's data-protection notice.
	if ( isset( $widget['options']['controller'] ) ) {
		$atts += array_filter(
			array(
				'controller'         => $s['controller'],
				'controller-contact' => $s['controller_contact'],
			)
		);
	}

	$notes = array();
	foreach ( $atts as $key => $value ) {
		if ( in_array( $key, SHARED, true ) ) {
			continue;
		}
		$spec = is_string( $key ) ? ( $widget['options'][ $key ] ?? null ) : null;
		if ( null === $spec ) {
			/* translators: %s: the attribute given. */
			$notes[] = comment( sprintf( __( 'attribute %s ignored: this widget has no such option.', 'tec-widgets' ), quote( is_string( $key ) ? $key : $value ) ) );
			continue;
		}
		$checked = option_value( $spec, $value );
		if ( null === $checked ) {
			return refuse(
				/* translators: 1: the option, 2: the value given. */
				sprintf( __( 'option %1$s cannot be %2$s.', 'tec-widgets' ), $key, quote( $value ) ),
				$widget
			);
		}
		if ( true === $checked ) {
			$out[ $key ] = true;
		} elseif ( false !== $checked && ( ! is_array( $spec ) || $checked !== $spec[0] ) ) {
			$out[ $key ] = $checked;
		}
	}

	enqueue_assets();
	$html = '<' . $tag;
	foreach ( $out as $attribute => $value ) {
		$html .= true === $value ? ' ' . $attribute : ' ' . $attribute . '="' . esc_attr( $value ) . '"';
	}
	return implode( '', $notes ) . $html . '>' . fallback_link( $widget['fallback'] ) . '</' . $tag . '>';
}

/**
 * An option's value once checked: a string, true/false for a boolean, or null when refused.
 *
 * @param string|list<string> $spec  Allowed values, or 'bool', 'text', 'contact'.
 * @param mixed               $value What was given.
 * @return string|bool|null
 */
function option_value( $spec, $value ) {
	if ( is_array( $spec ) ) {
		return is_string( $value ) && in_array( $value, $spec, true ) ? $value : null;
	}
	if ( 'bool' === $spec ) {
		if ( is_bool( $value ) ) {
			return $value;
		}
		$map = array(
			'true'  => true,
			'1'     => true,
			'yes'   => true,
			''      => false,
			'false' => false,
			'0'     => false,
			'no'    => false,
		);
		return is_string( $value ) && array_key_exists( $value, $map ) ? $map[ $value ] : null;
	}
	if ( ! is_string( $value ) || '' === $value || mb_strlen( $value ) > 200 || preg_match( '/[<>\x00-\x1f]/', $value ) ) {
		return null;
	}
	if ( 'contact' === $spec ) {
		return contact( $value );
	}
	return 'text' === $spec ? $value : null;
}
