/** Docs of GET /. */
export const indexPageSchema = {
  operationId: 'indexPage',
  tags: ['pages'],
  summary: 'Index page',
  description: 'A small HTML page linking each shop’s policy page and the API docs.',
  response: {
    200: { description: 'The index page', content: { 'text/html': { schema: { type: 'string' } } } },
  },
};
