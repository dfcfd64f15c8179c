/** The variables this example reads from the environment at build time. */
interface ImportMetaEnv {
  readonly VITE_TEC_API?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
