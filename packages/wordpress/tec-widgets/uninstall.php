<?php
/**
 * Removing the plugin removes its one option; it stored nothing else.
 *
 * @package TecWidgets
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'tec_widgets_settings' );
