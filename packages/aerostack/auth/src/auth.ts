import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { signin, type SigninParams, type SigninResult } from './signin';
import { signup, type SignupParams, type SignupResult } from './signup';

/** Platform users (`/auth/signup`, `/auth/signin`), with the API key: `new Auth(new AerostackClient({ apiKey }))`. */
export class Auth {
  constructor(readonly client: Client) {}

  signup(params: SignupParams, options?: RequestOptions): APIPromise<SignupResult> {
    return signup(this.client, params, options);
  }

  signin(params: SigninParams, options?: RequestOptions): APIPromise<SigninResult> {
    return signin(this.client, params, options);
  }
}
