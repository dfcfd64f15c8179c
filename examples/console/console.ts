/**
 * The console of the programme's teams (demo): changes a milestone, adds a member or an
 * opportunity through the admin SDK. The token lives in the form field only: nothing is stored.
 */
import { createTecClient, TecError } from '@tec/sdk';
import { createTecAdmin } from '@tec/sdk/admin';
import type { MemberKind, MilestoneStatus, OpportunityKind, PhaseKey } from '@tec/contract';

const main = document.querySelector<HTMLElement>('main[data-api]')!;
const api = main.dataset.api!;
const status = document.getElementById('status')!;
const form = (id: string) => document.getElementById(id) as HTMLFormElement;
const field = (f: HTMLFormElement, name: string) =>
  f.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

const say = (text: string) => {
  status.textContent = text;
};
const failure = (error: unknown) =>
  say(`Échec : ${error instanceof TecError ? `${error.message} (${error.code})` : String(error)}`);

function admin() {
  const token = field(form('access'), 'token').value.trim();
  if (token.length < 16) throw new Error('saisissez le jeton d’administration (16 caractères au moins).');
  return createTecAdmin({ baseUrl: api, token });
}
const territory = () => field(form('access'), 'territory').value;
const reader = createTecClient({ baseUrl: api });

document.getElementById('load-milestones')!.addEventListener('click', () => {
  void (async () => {
    try {
      const phases = await reader.phases.list(territory());
      const select = field(form('milestone'), 'milestone') as HTMLSelectElement;
      select.replaceChildren(
        ...phases.flatMap((phase) =>
          phase.milestones.map(
            (m) => new Option(`Phase ${phase.order} — ${m.title} (${m.status})`, `${phase.key}/${m.id}`),
          ),
        ),
      );
      say(`${select.options.length} jalons chargés.`);
    } catch (error) {
      failure(error);
    }
  })();
});

function onSubmit(id: string, action: (f: HTMLFormElement) => Promise<string>) {
  form(id).addEventListener('submit', (event) => {
    event.preventDefault();
    const f = event.currentTarget as HTMLFormElement;
    void action(f).then(say, failure);
  });
}

onSubmit('milestone', async (f) => {
  const [phase, milestoneId] = field(f, 'milestone').value.split('/');
  if (!phase || !milestoneId) throw new Error('chargez puis choisissez un jalon.');
  const next = field(f, 'status').value as MilestoneStatus;
  const saved = await admin().updateMilestone(territory(), phase as PhaseKey, milestoneId, {
    status: next,
    completedDate: next === 'atteint' ? new Date().toISOString().slice(0, 10) : null,
  });
  return `Jalon « ${saved.title} » enregistré : ${saved.status}.`;
});

onSubmit('member', async (f) => {
  const role = field(f, 'role').value.trim();
  const member = await admin().createMember(territory(), {
    name: field(f, 'name').value.trim(),
    kind: field(f, 'kind').value as MemberKind,
    ...(role ? { role } : {}),
    joinedAt: new Date().toISOString().slice(0, 10),
    commune: null,
    website: null,
    logo: null,
  });
  f.reset();
  return `Membre « ${member.name} » ajouté.`;
});

onSubmit('opportunity', async (f) => {
  const opportunity = await admin().createOpportunity(territory(), {
    kind: field(f, 'kind').value as OpportunityKind,
    title: field(f, 'title').value.trim(),
    startsAt: null,
    endsAt: null,
    place: null,
    capacity: null,
  });
  f.reset();
  return `Opportunité « ${opportunity.title} » publiée.`;
});
