import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * The Runway, Veo and fal targets build every request body with `satisfies` the SDK's own
 * parameter type, which `npm test` type-checks. These probes show that check has teeth: a body of
 * the shape shotc emits passes, and a body the SDK would not take fails. All probes are checked in
 * one program, so the SDKs' (large) type files are read once.
 */
const HEADERS = {
  runway: `import type { TextToVideoCreateParams as T2V } from '@runwayml/sdk/resources/text-to-video';\n`,
  veo: `import type { GenerateVideosParameters } from '@google/genai';\n`,
  fal: `import type { EndpointTypeMap } from '@fal-ai/client/endpoints';\ntype K = EndpointTypeMap['fal-ai/kling-video/v3/pro/text-to-video']['input'];\n`,
};

const PROBES: Record<string, string> = {
  runwayOk: `${HEADERS.runway}export const ok = { model: 'gen4.5', promptText: 'x', ratio: '1280:720', duration: 5 } satisfies T2V.Gen4_5;\n`,
  runwayRatio: `${HEADERS.runway}export const bad = { model: 'gen4.5', promptText: 'x', ratio: '960:960', duration: 5 } satisfies T2V.Gen4_5;\n`,
  runwayLength: `${HEADERS.runway}export const bad = { model: 'veo3.1', promptText: 'x', ratio: '1280:720', duration: 5 } satisfies T2V.Veo3_1;\n`,
  veoOk: `${HEADERS.veo}export const ok = { model: 'veo-3.1-generate-preview', source: { prompt: 'x' }, config: { durationSeconds: 8, resolution: '720p' } } satisfies GenerateVideosParameters;\n`,
  veoField: `${HEADERS.veo}export const bad = { model: 'veo-3.1-generate-preview', source: { prompt: 'x' }, config: { duration: 8 } } satisfies GenerateVideosParameters;\n`,
  falOk: `${HEADERS.fal}export const ok = { prompt: 'x', duration: '15' } satisfies K;\n`,
  falLength: `${HEADERS.fal}export const bad = { prompt: 'x', duration: '20' } satisfies K;\n`,
  falShot: `${HEADERS.fal}export const bad = { multi_prompt: [{ prompt: 'x', duration: 3 }] } satisfies K;\n`,
};

function check(): Map<string, string[]> {
  const files = new Map(Object.entries(PROBES).map(([name, code]) => [path.join(ROOT, 'src', `__sdk_probe_${name}__.ts`), { name, code }]));
  const options: ts.CompilerOptions = { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true, types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => files.get(path.resolve(f))?.code ?? read(f);
  const exists = host.fileExists.bind(host);
  host.fileExists = (f) => files.has(path.resolve(f)) || exists(f);
  const program = ts.createProgram([...files.keys()], options, host);
  const out = new Map<string, string[]>();
  for (const [file, { name }] of files) {
    out.set(name, ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')));
  }
  return out;
}

describe('request bodies are checked against each SDK\'s types at compile time', () => {
  const errors = check();

  it('Runway: a ratio Gen-4.5 text-to-video does not take, or a length Veo 3.1 does not make, fails', () => {
    expect(errors.get('runwayOk')).toEqual([]);
    expect(errors.get('runwayRatio')!.join('\n')).toMatch(/960:960/);
    expect(errors.get('runwayLength')!.join('\n')).toMatch(/not assignable/);
  });

  it('Veo: a config field the SDK does not have fails', () => {
    expect(errors.get('veoOk')).toEqual([]);
    expect(errors.get('veoField')!.join('\n')).toMatch(/duration/);
  });

  it('fal: a Kling length outside 3–15 s, or a shot length given as a number, fails', () => {
    expect(errors.get('falOk')).toEqual([]);
    expect(errors.get('falLength')!.join('\n')).toMatch(/"20"/);
    expect(errors.get('falShot')!.join('\n')).toMatch(/not assignable/);
  });
});
