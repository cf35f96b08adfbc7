/** The core's `invalidInput`: throws a VALIDATION_ERROR naming the field. */
export { invalidInput as fail } from '@aerostack/core';
