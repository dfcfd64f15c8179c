<?php
/**
 * The widgets the plugin offers: one line each. The block's widget list, the shortcode's
 * `widget` values and the options each accepts all come from this table.
 *
 * A line: the value editors choose (`widget="phase-tracker"`) => the custom element's tag,
 * its name in the editor, the text of the link shown until the script runs (and without
 * JavaScript), whether it needs a territory, and its options: attribute => allowed values (the
 * first is the widget's default, left out of the tag), or 'bool' for a boolean attribute, or
 * 'text' / 'contact' for free text (validated, escaped).
 *
 * @package TecWidgets
 */

namespace TecWidgets;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The widgets, by the name used in the shortcode and the block.
 *
 * @return array<string, array{tag: string, label: string, fallback: string, territory: bool, options: array<string, string|list<string>>}>
 */
function widgets(): array {
	$widgets = array(
		'territory-map'     => array( 'tag' => 'tec-territory-map', 'label' => __( 'Territory map', 'tec-widgets' ), 'fallback' => __( 'The TEC territories', 'tec-widgets' ), 'territory' => false, 'options' => array( 'static' => 'bool' ) ),
		'phase-tracker'     => array( 'tag' => 'tec-phase-tracker', 'label' => __( 'Phase tracker', 'tec-widgets' ), 'fallback' => __( 'See the progress of the programme', 'tec-widgets' ), 'territory' => true, 'options' => array( 'layout' => array( 'auto', 'horizontal', 'vertical', 'compact' ) ) ),
		'coalition-members' => array( 'tag' => 'tec-coalition-members', 'label' => __( 'Coalition members', 'tec-widgets' ), 'fallback' => __( 'The members of the coalition', 'tec-widgets' ), 'territory' => true, 'options' => array( 'layout' => array( 'list', 'grid' ) ) ),
		'engagement-cta'    => array( 'tag' => 'tec-engagement-cta', 'label' => __( 'Calls to engage', 'tec-widgets' ), 'fallback' => __( 'Take part in the programme', 'tec-widgets' ), 'territory' => true, 'options' => array( 'variant' => array( 'card', 'banner', 'button' ), 'controller' => 'text', 'controller-contact' => 'contact' ) ),
	);
	/**
	 * Filters the widgets offered: add a line when the CDN set gains a widget.
	 *
	 * @param array $widgets The table above.
	 */
	return apply_filters( 'tec_widgets_widgets', $widgets );
}
