/**
 * Starts Redoc on the API reference page (api/index.html) with the site's rules: the spec from
 * this site, no search (Redoc's search runs in a worker made from a blob, which the policy
 * refuses), nothing stored.
 */
interface RedocGlobal {
  init(spec: string, options: Record<string, unknown>, element: HTMLElement | null): void;
}

const main = document.getElementById('redoc');
const spec = main?.dataset.spec;
const redoc = (window as unknown as { Redoc?: RedocGlobal }).Redoc;
if (main && spec && redoc)
  redoc.init(
    spec,
    {
      disableSearch: true,
      expandResponses: '200,201',
      hideHostname: false,
      nativeScrollbars: true,
      theme: {
        colors: { primary: { main: '#0b5cad' } },
        typography: {
          fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
          headings: { fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" },
          code: { fontFamily: 'ui-monospace, Menlo, Consolas, monospace' },
        },
      },
    },
    main,
  );
