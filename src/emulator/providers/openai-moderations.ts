/**
 * `POST /v1/moderations` in the omni-moderation-latest response shape (openai SDK
 * `ModerationCreateResponse`). Not part of the Videos contract, so the body is checked here with
 * zod; the verdict comes from `../moderation.ts`.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { appliedTypes, moderate } from '../moderation.js';
import { ApiError, type EmulatorProvider } from '../server.js';

const TextPart = z.object({ type: z.literal('text'), text: z.string() }).strict();
const ImagePart = z.object({ type: z.literal('image_url'), image_url: z.object({ url: z.string() }).strict() }).strict();
const Body = z
  .object({
    input: z.union([z.string(), z.array(z.string()).min(1), z.array(z.union([TextPart, ImagePart])).min(1)]),
    model: z.string().optional(),
  })
  .strict();

export function openaiModerations(): EmulatorProvider {
  let calls = 0;
  return {
    name: 'openai-moderations',
    routes: [
      {
        method: 'POST',
        path: '/moderations',
        operation: 'createModeration',
        async handler(ctx) {
          if (ctx.body.kind !== 'json') throw ApiError.invalid('Send the moderation request as application/json.', null, null);
          const parsed = Body.safeParse(ctx.body.value);
          if (!parsed.success) {
            const issue = parsed.error.issues[0]!;
            const param = issue.path.join('.') || null;
            if (issue.code === 'unrecognized_keys') throw ApiError.invalid(`Unknown parameter: '${issue.keys[0]}'.`, issue.keys[0] ?? null, 'unknown_parameter');
            if (issue.code === 'invalid_type' && issue.input === undefined) throw ApiError.invalid(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');
            throw ApiError.invalid(`Invalid '${param ?? 'input'}': ${issue.message}.`, param, 'invalid_value');
          }
          calls++;
          const { input, model } = parsed.data;
          const groups: Array<{ text: string; image: boolean }> =
            typeof input === 'string'
              ? [{ text: input, image: false }]
              : input.every((x) => typeof x === 'string')
                ? (input as string[]).map((text) => ({ text, image: false }))
                : [
                    {
                      text: (input as Array<z.infer<typeof TextPart> | z.infer<typeof ImagePart>>).map((p) => (p.type === 'text' ? p.text : '')).join('\n'),
                      image: (input as Array<{ type: string }>).some((p) => p.type === 'image_url'),
                    },
                  ];
          const results = [];
          for (const g of groups) {
            const v = await moderate(g.text);
            results.push({ flagged: v.flagged, categories: v.categories, category_scores: v.scores, category_applied_input_types: appliedTypes(g.image) });
          }
          return { json: { id: `modr-${randomBytes(12).toString('hex')}`, model: model ?? 'omni-moderation-latest', results } };
        },
      },
    ],
    stats: () => ({ moderations: calls }),
  };
}
