/**
 * The « Widget TEC » block in the editor: no build step, only the editor's globals (wp.*).
 * The block is dynamic: the page holds its attributes, and the server writes the widget's tag
 * (includes/render.php), so what an editor chooses here is checked there too. The preview is
 * the real widget, loaded by tec.js, on the configured API's live data.
 *
 * window.tecWidgets comes from includes/assets.php: the API, the defaults and the widget list.
 */
/* global wp */
(function () {
  'use strict';
  const { registerBlockType } = wp.blocks;
  const { createElement: el, Fragment, useEffect, useState } = wp.element;
  const { InspectorControls, useBlockProps } = wp.blockEditor;
  const { Notice, PanelBody, SelectControl, TextControl, ToggleControl } = wp.components;
  const { __, sprintf } = wp.i18n;
  const config = window.tecWidgets || { widgets: {} };

  /** The territories, fetched once per editor from the API (public, cached by the browser). */
  let request;
  let territories;
  function useTerritories() {
    const [list, setList] = useState(territories || null);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (list || !config.api) return undefined;
      let live = true;
      request =
        request ||
        fetch(config.api.replace(/\/$/, '') + '/v1/territories', { headers: { accept: 'application/json' } })
          .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
          .then((body) => (territories = body.items.map((t) => ({ value: t.slug, label: t.name }))));
      request.then(
        (items) => live && setList(items),
        () => {
          request = undefined;
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, []);
    return { list, failed };
  }

  /** The options' names in the sidebar (an option not listed here shows its attribute name). */
  const optionLabels = {
    layout: __('Layout', 'tec-widgets'),
    variant: __('Variant', 'tec-widgets'),
    static: __('Fixed map (no zoom or pan)', 'tec-widgets'),
    controller: __('Data controller (default: Settings → TEC)', 'tec-widgets'),
    'controller-contact': __("Controller's contact (default: Settings → TEC)", 'tec-widgets'),
  };

  function optionControl(name, spec, value, set) {
    const label = optionLabels[name] || name;
    if (spec === 'bool')
      return el(ToggleControl, { key: name, label, checked: value === true, onChange: (v) => set(v) });
    if (Array.isArray(spec))
      return el(SelectControl, {
        key: name,
        label,
        value: value || spec[0],
        options: spec.map((v) => ({ value: v, label: v })),
        onChange: set,
      });
    return el(TextControl, { key: name, label, value: value || '', onChange: set });
  }

  function Edit({ attributes, setAttributes }) {
    const blockProps = useBlockProps();
    const { list, failed } = useTerritories();
    const widget = config.widgets[attributes.widget];
    const options = attributes.options || {};
    const setOption = (name) => (value) => setAttributes({ options: { ...options, [name]: value } });

    const territory = attributes.territory || (widget && widget.territory ? config.territory : '');
    const territoryOptions = [
      {
        value: '',
        label:
          widget && !widget.territory
            ? __('All territories', 'tec-widgets')
            : sprintf(__('Default (%s)', 'tec-widgets'), config.territory || '—'),
      },
    ].concat(
      list || (attributes.territory ? [{ value: attributes.territory, label: attributes.territory }] : []),
    );

    const controls = el(
      InspectorControls,
      null,
      el(
        PanelBody,
        { title: __('Widget', 'tec-widgets') },
        el(SelectControl, {
          label: __('Widget', 'tec-widgets'),
          value: attributes.widget,
          options: Object.keys(config.widgets).map((name) => ({
            value: name,
            label: config.widgets[name].label,
          })),
          onChange: (value) => setAttributes({ widget: value, options: {} }),
        }),
        el(SelectControl, {
          label: __('Territory', 'tec-widgets'),
          value: attributes.territory,
          options: territoryOptions,
          help: failed
            ? __('The list of territories could not be loaded from the API.', 'tec-widgets')
            : undefined,
          onChange: (value) => setAttributes({ territory: value }),
        }),
        el(SelectControl, {
          label: __('Theme', 'tec-widgets'),
          value: attributes.theme,
          options: [
            { value: '', label: sprintf(__('Default (%s)', 'tec-widgets'), config.theme || 'auto') },
            { value: 'auto', label: __("Automatic (follows the visitor's system)", 'tec-widgets') },
            { value: 'light', label: __('Light', 'tec-widgets') },
            { value: 'dark', label: __('Dark', 'tec-widgets') },
          ],
          onChange: (value) => setAttributes({ theme: value }),
        }),
      ),
      widget && Object.keys(widget.options).length
        ? el(
            PanelBody,
            { title: __('Options', 'tec-widgets') },
            Object.keys(widget.options).map((name) =>
              optionControl(name, widget.options[name], options[name], setOption(name)),
            ),
          )
        : null,
    );

    let preview;
    if (!widget) {
      preview = el(
        Notice,
        { status: 'warning', isDismissible: false },
        __('Choose a widget.', 'tec-widgets'),
      );
    } else if (!config.api || !config.built) {
      preview = el(
        Notice,
        { status: 'warning', isDismissible: false },
        __('Set the address of the TEC API in Settings → TEC to see the widget.', 'tec-widgets'),
      );
    } else {
      const props = { key: widget.tag, api: config.api, theme: attributes.theme || config.theme || 'auto' };
      if (territory) props.territory = territory;
      if (attributes.widget === 'engagement-cta') {
        if (config.controller) props.controller = config.controller;
        if (config.contact) props['controller-contact'] = config.contact;
      }
      Object.keys(widget.options).forEach((name) => {
        const value = options[name];
        if (value === true) props[name] = '';
        else if (typeof value === 'string' && value !== '') props[name] = value;
      });
      preview = el(widget.tag, props, el('a', { href: config.link || '#' }, widget.fallback));
    }
    return el(Fragment, null, controls, el('div', blockProps, preview));
  }

  registerBlockType('tec/widget', { edit: Edit, save: () => null });
})();
