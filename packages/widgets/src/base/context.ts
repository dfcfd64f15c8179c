import { createContext } from '@lit/context';

/** What a `<tec-provider>` gives every widget inside it. */
export interface TecConfig {
  api?: string | undefined;
}

export const tecConfigContext = createContext<TecConfig>(Symbol('tec-config'));
