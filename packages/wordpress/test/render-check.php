<?php
/**
 * Sends hostile attributes straight to the plugin's renderer, as an administrator's unfiltered
 * content or a page builder could (the editor's content is filtered by kses before it reaches
 * the shortcode; this is what the renderer does on its own). Reads JSON cases on stdin: a list
 * of attribute arrays; prints the HTML for each as JSON. Run by wordpress.test.ts.
 *
 * @package TecWidgets
 */

define( 'ABSPATH', getenv( 'TEC_WP_SITE' ) . '/' );
$_SERVER['HTTP_HOST']   = getenv( 'TEC_WP_HOST' );
$_SERVER['REQUEST_URI'] = '/';

require ABSPATH . 'wp-load.php';

$tec_cases = json_decode( (string) stream_get_contents( STDIN ), true );
$tec_out   = array();
foreach ( is_array( $tec_cases ) ? $tec_cases : array() as $tec_case ) {
	$tec_out[] = array(
		'shortcode' => \TecWidgets\render_shortcode( $tec_case ),
		// The block, as WordPress renders it from a page's content: the case as its attributes,
		// and again as its options.
		'block'     => render_block(
			array(
				'blockName'    => 'tec/widget',
				'attrs'        => $tec_case + array( 'options' => $tec_case ),
				'innerBlocks'  => array(),
				'innerHTML'    => '',
				'innerContent' => array(),
			)
		),
	);
}
echo wp_json_encode( $tec_out );
