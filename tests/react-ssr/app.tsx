/**
 * The page a React server renders in tests/react-ssr.test.ts, then hydrates in Chromium: a
 * tracker with the page's own fallback link, and a member list with none (the default text).
 */
import { CoalitionMembers, PhaseTracker } from '@tec/react';

export function App({ api }: { api: string }) {
  return (
    <main>
      <h1>Vallée de la Roya</h1>
      <PhaseTracker api={api} territory="roya" layout="compact">
        <a href="https://example.org/tec/roya">Le programme TEC dans la vallée de la Roya</a>
      </PhaseTracker>
      <p>Le texte qui suit les widgets ne bouge pas quand ils arrivent.</p>
      <CoalitionMembers api={api} territory="roya" />
    </main>
  );
}
