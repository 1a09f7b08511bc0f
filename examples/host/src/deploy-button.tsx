import { useActiveOrgId } from '@orgkit/react';
import { type ReactNode, useState } from 'react';

/** Calls the host's own guarded route and shows what it answered. */
export function DeployButton(): ReactNode {
  const { orgId } = useActiveOrgId();
  const [result, setResult] = useState<string>();
  const deploy = async () => {
    const res = await fetch(`/api/orgs/${orgId}/deploys`, { method: 'POST' });
    const body = (await res.json()) as { deployedBy?: string; code?: string };
    setResult(`${res.status} ${body.deployedBy ?? body.code}`);
  };
  return (
    <p>
      <button type="button" onClick={deploy} disabled={!orgId}>
        Deploy
      </button>{' '}
      <output data-testid="deploy-result">{result}</output>
    </p>
  );
}
