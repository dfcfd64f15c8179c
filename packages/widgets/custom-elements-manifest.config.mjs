// The Custom Elements Manifest is generated from the widgets' JSDoc (@summary, @slot, @csspart,
// @cssprop, @fires) and their Lit properties; docs/widgets.md is generated from the manifest.
export default {
  globs: ['src/**/*.ts'],
  exclude: [
    'src/**/*.styles.ts',
    'src/**/*.define.ts',
    'src/index.ts',
    'src/define.ts',
    'src/widgets.ts',
    'src/reserves.ts',
    'src/base/styles.ts',
    'src/base/localize.ts',
    'src/base/i18n.ts',
    'src/base/labels.ts',
    'src/base/context.ts',
    'src/base/define.ts',
  ],
  outdir: '.',
  litelement: true,
};
