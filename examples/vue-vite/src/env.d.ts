/** Single-file components, and the variables this example reads at build time. */
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
interface ImportMetaEnv {
  readonly VITE_TEC_API?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
