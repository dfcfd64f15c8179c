<?php
/**
 * A suggested text for the site's privacy policy (Settings → Privacy → policy guide). The
 * plugin itself sets no cookie and records nothing about visitors.
 *
 * @package TecWidgets
 */

namespace TecWidgets;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

add_action( 'admin_init', __NAMESPACE__ . '\\privacy_policy' );

/** Adds the suggested text. */
function privacy_policy(): void {
	if ( ! function_exists( 'wp_add_privacy_policy_content' ) ) {
		return;
	}
	$s    = settings();
	$text = '<p>' . esc_html__( 'Some pages of this site show widgets of the Territoires d’Engagement et de Coopération (TEC) programme. They show public data of the programme. They set no cookie, store nothing in your browser and contact only the TEC API and the server that delivers their code, with no analytics and no web font; like any web server, these may see your IP address and browser when your browser asks them for the widgets.', 'tec-widgets' ) . '</p>';
	if ( '' !== $s['api_url'] ) {
		/* translators: %s: the API's address. */
		$text .= '<p>' . esc_html( sprintf( __( 'TEC API: %s.', 'tec-widgets' ), $s['api_url'] ) ) . '</p>';
	}
	$text .= '<p>' . esc_html__( 'If you sign up for an opportunity through a TEC form, your first name, e-mail address and, if you give them, your availabilities go to the controller named in the form, with your consent, and are kept two years at most; you can have them erased at any time.', 'tec-widgets' ) . '</p>';
	wp_add_privacy_policy_content( __( 'TEC widgets', 'tec-widgets' ), wp_kses_post( $text ) );
}
