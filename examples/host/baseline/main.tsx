// The same host without Orgkit: React and TanStack Query alone, the floor Orgkit's size is
// measured over.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function Page() {
  const q = useQuery({ queryKey: ['hello'], queryFn: async () => 'hello' });
  return <p>{q.data}</p>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient()}>
      <Page />
    </QueryClientProvider>
  </StrictMode>,
);
