import { z } from 'zod';
import { describeRange, NOT_SAMPLED, PARAMETER_RANGES } from './parameter-ranges.js';
import { ParametersSchema } from './schema.js';

interface JsonSchemaNode {
  type?: string | string[];
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
}

/**
 * docs/PARAMETERS.md: every parameter of the model with its path, default, allowed range and
 * meaning, generated from the same zod schema that validates scenarios (so it cannot drift).
 */
export function parametersMarkdown(): string {
  const schema = z.toJSONSchema(ParametersSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  const lines = [
    '# Parameters',
    '',
    'Every parameter of the model, by its path in a scenario (`parameters.<group>.<name>`), generated',
    'from the scenario schema by `cica-sim schema --parameters` (a test keeps this file current).',
    'Equations and the basis of each default: [MODEL.md](MODEL.md#defaults-and-their-basis). The',
    "defaults below are the schema's, for any scenario; the built-in world sets some of its own",
    '(`scenarios/asia-2025.yaml`, `parameters:`): above all `enlargement.openness` 0.6 instead of',
    '0.2, the one value calibrated on history ([VALIDATION.md](VALIDATION.md)). The others are',
    'modelling judgements, documented with their reasons in MODEL.md.',
    '',
    '*Sampled* is the range a sensitivity study samples when it asks for the documented ranges',
    "(`factors: all` in a `cica-sim sensitivity` file, or a factor written `{}`): the modeller's",
    'judgement of how far each default could plausibly be off (an *assumption*; the reasoning is in',
    '`src/scenario/parameter-ranges.ts`). Switches, lists and the formula are not sampled by default.',
    '',
  ];
  for (const [group, node] of Object.entries(schema.properties ?? {})) {
    lines.push(
      `## ${group}`,
      '',
      '| parameter | default | range | sampled | meaning |',
      '|---|---|---|---|---|',
    );
    for (const [name, leaf] of Object.entries(node.properties ?? {})) {
      if (leaf.properties) {
        for (const [inner, innerLeaf] of Object.entries(leaf.properties)) {
          lines.push(row(`${group}.${name}.${inner}`, innerLeaf, leaf.description));
        }
      } else {
        lines.push(row(`${group}.${name}`, leaf));
      }
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

function row(path: string, node: JsonSchemaNode, context?: string): string {
  const value = node.default === undefined ? '–' : `\`${JSON.stringify(node.default)}\``;
  const meaning = [node.description ?? context ?? ''].join('').replace(/\|/g, '\\|');
  const sampled = PARAMETER_RANGES[path]
    ? describeRange(PARAMETER_RANGES[path])
    : (NOT_SAMPLED as readonly string[]).includes(path)
      ? 'not sampled'
      : '–';
  return `| \`parameters.${path}\` | ${value} | ${range(node)} | ${sampled} | ${meaning} |`;
}

function range(node: JsonSchemaNode): string {
  const type = Array.isArray(node.type) ? node.type.join(' or ') : node.type;
  if (type === 'boolean') return 'true or false';
  if (type === 'string') return 'text';
  if (type === 'array') return `list of ${range(node.items ?? {})}`;
  const low = node.minimum ?? node.exclusiveMinimum;
  const high = node.maximum ?? node.exclusiveMaximum;
  if (low === undefined && high === undefined) return type === 'integer' ? 'whole number' : 'number';
  const open = node.exclusiveMinimum !== undefined ? '(' : '[';
  const close = node.exclusiveMaximum !== undefined ? ')' : ']';
  return `${open}${low ?? '−∞'}, ${high ?? '∞'}${close}${type === 'integer' ? ' whole' : ''}`;
}
