// The one build of every bundle (CDN set, npm entries, loader). Targets are added by the widget
// and loader issues; until then the build produces nothing but the TypeScript outputs of tsc.
/** @type {import('rollup').RollupOptions[]} */
const targets = [];

export default targets;
