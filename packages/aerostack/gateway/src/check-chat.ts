import type { InvalidRequestError } from '@aerostack/core';
import type { ChatCompletionsParams } from './chat-types';
import { SLUG_HINT } from './consumer';
import { invalidField, requireText } from './validate';

export function checkChat(params: ChatCompletionsParams): InvalidRequestError | undefined {
  return requireText('apiSlug', params.apiSlug, SLUG_HINT) ?? (Array.isArray(params.messages) && params.messages.length > 0 ? undefined : invalidField('messages', 'messages must not be empty'));
}
