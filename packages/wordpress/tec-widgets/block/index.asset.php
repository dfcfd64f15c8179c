<?php
/**
 * What block/index.js uses from the editor's globals (written by hand: there is no build step).
 *
 * @package TecWidgets
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n' ),
	'version'      => '0.1.0',
);
