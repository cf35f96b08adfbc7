// @aerostack/services: one invoke, through a namespace import.
import { MULTIPART_MARK, PAGINATION_MARK, STREAM_MARK } from '../marks.mjs';

export default [
  {
    name: 'services.invoke',
    budget: 4000,
    forbid: [PAGINATION_MARK, STREAM_MARK, MULTIPART_MARK],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import * as services from '@aerostack/services';
      const client = new AerostackClient({ apiKey: 'k' });
      const { result } = await services.invoke(client, { serviceName: 'billing-webhook', data: { orderId: 'o_1' } });
      console.log(result);
    `,
  },
];
