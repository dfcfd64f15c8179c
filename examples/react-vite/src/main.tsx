/**
 * The TEC widgets in a Vite + React app: the map chooses a territory, whose phase tracker and
 * coalition follow. The API's address comes from VITE_TEC_API (the demo's by default).
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CoalitionMembers, PhaseTracker, TerritoryMap } from '@tec/react';
import type { TecTerritorySelectEvent } from '@tec/widgets';

const api: string = import.meta.env.VITE_TEC_API ?? 'http://127.0.0.1:8787';

function App() {
  const [territory, setTerritory] = useState({ slug: 'roya', name: 'Vallée de la Roya' });
  const onSelect = (event: TecTerritorySelectEvent) => {
    event.preventDefault(); // the app shows the territory itself: no navigation
    setTerritory({ slug: event.detail.slug, name: event.detail.name });
  };
  return (
    <>
      <h1>Les territoires TEC</h1>
      <TerritoryMap api={api} onTecTerritorySelect={onSelect} />
      <h2 id="chosen">{territory.name}</h2>
      <PhaseTracker api={api} territory={territory.slug}>
        <p>{territory.name}</p>
      </PhaseTracker>
      <CoalitionMembers api={api} territory={territory.slug}>
        <p>{territory.name}</p>
      </CoalitionMembers>
    </>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
