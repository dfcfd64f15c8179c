<?php
/**
 * Plugin Name:       TEC widgets
 * Description:       Les widgets TEC (Territoires d'Engagement et de Coopération) dans vos pages, sans coller de script : un bloc « Widget TEC » et le shortcode [tec]. / The TEC widgets in your pages without pasting a script: a "Widget TEC" block and the [tec] shortcode.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.1
 * Author:            TEC widgets
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       tec-widgets
 *
 * The plugin writes each widget's tag server-side (the block is dynamic, the shortcode the same
 * renderer), from attributes it validates; the loader and its style sheet come from the CDN set
 * whose SRI hashes ship inside the plugin (cdn.json, written by the build).
 *
 * @package TecWidgets
 */

namespace TecWidgets;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const VERSION = '0.1.0';
const DIR     = __DIR__;

require_once __DIR__ . '/includes/i18n.php';
require_once __DIR__ . '/includes/widgets.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/assets.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/privacy.php';

add_action( 'init', __NAMESPACE__ . '\\register' );

/**
 * Registers the block (its editor script is block/index.js, no build step) and the shortcode.
 */
function register(): void {
	register_block_type(
		__DIR__ . '/block',
		array( 'render_callback' => __NAMESPACE__ . '\\render_block' )
	);
	add_shortcode( 'tec', __NAMESPACE__ . '\\render_shortcode' );
}
