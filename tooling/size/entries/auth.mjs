// @aerostack/auth: one platform call, and one project-auth call, each alone.
import { MULTIPART_MARK, PAGINATION_MARK, STREAM_MARK } from '../marks.mjs';

export default [
  {
    name: 'auth.signin',
    budget: 4000,
    forbid: [STREAM_MARK, MULTIPART_MARK, PAGINATION_MARK, '/auth/signup', '/public/projects'],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import { signin } from '@aerostack/auth';
      const client = new AerostackClient({ apiKey: 'k' });
      console.log(await signin(client, { email: 'a@b.co', password: 'pw' }));
    `,
  },
  {
    name: 'auth.project.login',
    budget: 4000,
    forbid: [STREAM_MARK, MULTIPART_MARK, PAGINATION_MARK, '/auth/signup', '/auth/signin', '/otp/', '/reset-password', '/me/avatar', 'refreshToken:'],
    code: `
      import { AerostackClient } from '@aerostack/core';
      import { login } from '@aerostack/auth';
      const client = new AerostackClient();
      console.log(await login(client, 'my-app', { email: 'a@b.co', password: 'pw' }));
    `,
  },
];
