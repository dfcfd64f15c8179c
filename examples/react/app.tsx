/**
 * The React example: the overview map chooses a territory, whose phase tracker, portrait,
 * cooperations and actors show beside it. The widgets come from `@tec/react`; their events arrive as typed `onTec…` props.
 */
import { StrictMode, useState } from 'react';
import { createPortal } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { CoalitionMembers, Cooperations, PhaseTracker, TerritoryMap, TerritoryPortrait } from '@tec/react';
import type { TecMemberFocusEvent, TecMemberSelectEvent, TecTerritorySelectEvent } from '@tec/widgets';

const host = document.getElementById('app')!;
const api = host.dataset.api!;

const snippet = `import { PhaseTracker, TerritoryMap } from '@tec/react';

<TerritoryMap api="${api}" onTecTerritorySelect={(event) => setSlug(event.detail.slug)} />
<PhaseTracker api="${api}" territory={slug} />`;

function App() {
  const [territory, setTerritory] = useState('roya');
  const [chosen, setChosen] = useState('');
  const onSelect = (event: TecTerritorySelectEvent) => {
    // The app handles the choice itself: no navigation to an href.
    event.preventDefault();
    setTerritory(event.detail.slug);
    setChosen(`Territoire choisi : ${event.detail.name}`);
  };
  const onMember = (event: TecMemberSelectEvent) => setChosen(`Membre choisi : ${event.detail.member.name}`);
  const onActor = (event: TecMemberFocusEvent) => setChosen(`Acteur demandé : ${event.detail.name}`);
  return (
    <>
      <p role="status" id="choice">
        {chosen}
      </p>
      <TerritoryMap api={api} onTecTerritorySelect={onSelect} />
      <h2>Avancement</h2>
      <PhaseTracker api={api} territory={territory} />
      <TerritoryPortrait api={api} territory={territory} />
      <Cooperations api={api} territory={territory} onTecMemberFocus={onActor} />
      <h2>Qui s’engage</h2>
      <CoalitionMembers api={api} territory={territory} onTecMemberSelect={onMember} />
      <details className="snippet">
        <summary>Le code à copier (React)</summary>
        <pre>
          <code>{snippet}</code>
        </pre>
      </details>
      {createPortal(
        <footer>
          <p>
            Site de démonstration des widgets TEC. Les données affichées sont des données de démonstration.
          </p>
        </footer>,
        document.body,
      )}
    </>
  );
}

createRoot(host).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
