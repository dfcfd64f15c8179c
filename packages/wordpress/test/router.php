<?php
/**
 * The router of PHP's built-in server for the WordPress test (wordpress.ts): WordPress from
 * Debian's package (/usr/share/wordpress), run from a private site folder whose files are links
 * to it beside the test's own wp-config.php and wp-content/. ABSPATH is set here to that folder,
 * so that WordPress reads the test's wp-config.php rather than Debian's (which reads /etc).
 *
 * @package TecWidgets
 */

$tec_site = getenv( 'TEC_WP_SITE' );
if ( ! is_string( $tec_site ) || '' === $tec_site ) {
	http_response_code( 500 );
	exit( 'TEC_WP_SITE is not set' );
}
$tec_path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
if ( str_contains( $tec_path, '..' ) ) {
	http_response_code( 400 );
	exit;
}
$tec_file = $tec_site . $tec_path;
if ( is_dir( $tec_file ) ) {
	$tec_file = rtrim( $tec_file, '/' ) . '/index.php';
}
if ( is_file( $tec_file ) && ! str_ends_with( $tec_file, '.php' ) ) {
	return false; // A static file: the server sends it.
}
if ( ! is_file( $tec_file ) ) {
	$tec_file = $tec_site . '/index.php'; // Pretty permalinks.
}
$_SERVER['SCRIPT_FILENAME'] = $tec_file;
$_SERVER['SCRIPT_NAME']     = substr( $tec_file, strlen( $tec_site ) );
$_SERVER['PHP_SELF']        = $_SERVER['SCRIPT_NAME'];
define( 'ABSPATH', $tec_site . '/' );
chdir( dirname( $tec_file ) );
require $tec_file;
