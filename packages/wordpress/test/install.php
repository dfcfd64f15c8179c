<?php
/**
 * Installs WordPress for the test (wordpress.ts), as install.php would: the site, its
 * administrator and an editor (who lacks unfiltered_html), in French. Prints JSON.
 *
 * @package TecWidgets
 */

define( 'WP_INSTALLING', true );
define( 'ABSPATH', getenv( 'TEC_WP_SITE' ) . '/' );
$_SERVER['HTTP_HOST']   = getenv( 'TEC_WP_HOST' );
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = '127.0.0.1';

require ABSPATH . 'wp-load.php';
require ABSPATH . 'wp-admin/includes/upgrade.php';

$tec_admin = wp_install( 'Commune de Saint-Exemple (essai)', 'admin', 'admin@example.org', false, '', getenv( 'TEC_WP_ADMIN_PASSWORD' ) );
update_option( 'WPLANG', 'fr_FR' );
$tec_editor = wp_insert_user(
	array(
		'user_login' => 'redaction',
		'user_pass'  => getenv( 'TEC_WP_EDITOR_PASSWORD' ),
		'user_email' => 'redaction@example.org',
		'role'       => 'editor',
	)
);
if ( is_wp_error( $tec_editor ) ) {
	fwrite( STDERR, $tec_editor->get_error_message() );
	exit( 1 );
}
// The editor has opened the block editor before: no welcome guide over the page.
update_user_meta( $tec_editor, $GLOBALS['wpdb']->get_blog_prefix() . 'persisted_preferences', array( 'core/edit-post' => array( 'welcomeGuide' => false ), '_modified' => gmdate( 'c' ) ) );
echo wp_json_encode(
	array(
		'admin'                => $tec_admin['user_id'],
		'editor'               => $tec_editor,
		'editorUnfilteredHtml' => user_can( $tec_editor, 'unfiltered_html' ),
	)
);
