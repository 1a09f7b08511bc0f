import { getResponse, type RequestHandler } from 'msw';
import { problemResponse } from '../msw/problem.js';

/**
 * A `fetch` answered by one story's handlers, in memory: no service worker sits between the
 * page and the handlers, so the previews of a Docs page each talk to their own world instead of
 * sharing the handlers of whichever story rendered last.
 */
export function storyFetch(
  handlers: readonly RequestHandler[],
): (input: Request) => Promise<Response> {
  return async (request) => {
    const response = await getResponse([...handlers], request);
    if (response) return response;
    // A route the mocks do not serve: loud, so a story never silently shows a broken state.
    console.error(`Orgkit story mocks: no handler for ${request.method} ${request.url}`);
    return problemResponse(
      501,
      'NOT_MOCKED',
      `${request.method} ${new URL(request.url).pathname} is not mocked.`,
    );
  };
}
