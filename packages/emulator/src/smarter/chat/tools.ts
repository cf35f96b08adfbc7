// The OpenAI tool definitions a chatbot's `spec.functions` present to the model (recorded in the
// chat answer's `smarter.first_iteration.request.tools`). The platform's built-in weather function
// has its own definition; any other name gets an empty parameter list. The emulator never calls them.
export interface ToolDefinition {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

const WEATHER = {
  description: 'Get the current weather in a given location',
  parameters: {
    type: 'object',
    properties: {
      location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' },
      unit: { type: 'string', enum: ['METRIC', 'USCS'] },
    },
    required: ['location'],
  },
};

export function toolOf(name: string): ToolDefinition {
  const known = name === 'get_current_weather' || name === 'weather' ? WEATHER : { description: `The ${name} function`, parameters: { type: 'object', properties: {} } };
  return { type: 'function', function: { name, ...known } };
}
