import { ResourceAccess, useActiveOrgId, useCan, useOrgkitClient } from '@orgkit/react';
import { isOrgkitError, unwrap } from '@orgkit/sdk';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';

interface Project {
  readonly id: string;
  readonly parentId: string | null;
}

/** Projects the member may open: Orgkit filters them by role and by each project's ACL. */
export function ProjectsPage(): ReactNode {
  const client = useOrgkitClient();
  const { orgId } = useActiveOrgId();
  const projects = useQuery({
    queryKey: ['demo', 'projects', orgId],
    enabled: !!orgId,
    queryFn: () =>
      unwrap(
        client.GET('/v1/organizations/{orgId}/resources/{type}', {
          params: { path: { orgId: orgId!, type: 'projects' } },
        }),
      ),
  });
  const deploy = useCan('deploys:run');
  if (!orgId) return <p role="status">Choose an organization.</p>;
  if (projects.isPending) return <p role="status">Loading projects…</p>;
  if (projects.error) {
    return isOrgkitError(projects.error) && projects.error.status === 403 ? (
      <p data-state="forbidden">Your role does not include projects in this organization.</p>
    ) : (
      <p role="alert">Could not load projects: {projects.error.message}</p>
    );
  }
  const items: Project[] = projects.data.items;
  return (
    <section aria-labelledby="projects-title">
      <h1 id="projects-title">Projects</h1>
      {items.length === 0 ? (
        <p data-state="empty">No project is shared with you yet.</p>
      ) : (
        <ul className="demo-list" data-testid="projects">
          {items.map((p) => (
            <ProjectRow
              key={p.id}
              orgId={orgId}
              project={p}
              depth={depthOf(p, items)}
              canDeploy={deploy.allowed}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function depthOf(p: Project, all: readonly Project[]): number {
  let depth = 0;
  for (
    let cur = p.parentId;
    cur && depth < 10;
    cur = all.find((x) => x.id === cur)?.parentId ?? null
  )
    depth++;
  return depth;
}

/** Asks the host's own deploy route, which Orgkit guards on the server. */
async function requestDeploy(orgId: string, projectId: string): Promise<string> {
  const res = await fetch(`/api/orgs/${orgId}/projects/${projectId}/deploys`, { method: 'POST' });
  const body = (await res.json()) as { deployedBy?: string; detail?: string };
  return res.ok ? `Deploy queued by ${body.deployedBy}` : `Refused: ${body.detail}`;
}

function ProjectRow({
  orgId,
  project,
  depth,
  canDeploy,
}: {
  orgId: string;
  project: Project;
  depth: number;
  canDeploy: boolean;
}) {
  const [deployed, setDeployed] = useState<string>();
  const edit = useCan('projects:update', { resource: { type: 'projects', id: project.id } });
  const share = useCan('access:read');
  return (
    <li data-project={project.id} style={{ paddingInlineStart: `${depth * 1.5}rem` }}>
      <span className="demo-project-name">{project.id}</span>
      <span className="demo-actions">
        {share.allowed ? <ResourceAccess type="projects" resourceId={project.id} /> : null}
        <button
          type="button"
          disabled={!edit.allowed}
          title={edit.allowed ? undefined : 'Not shared with you for editing'}
        >
          Edit
        </button>
        <button
          type="button"
          disabled={!canDeploy}
          aria-describedby={canDeploy ? undefined : `deploy-why-${project.id}`}
          onClick={() => void requestDeploy(orgId, project.id).then(setDeployed)}
        >
          Deploy
        </button>
        {deployed && (
          <span role="status" className="demo-why">
            {deployed}
          </span>
        )}
        {!canDeploy && (
          <span id={`deploy-why-${project.id}`} className="demo-why">
            Deploying needs the Engineer role and Level 2 support
          </span>
        )}
      </span>
    </li>
  );
}
