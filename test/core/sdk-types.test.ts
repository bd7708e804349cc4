import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * `npm test` type-checks `SdkChecks` in src/core/targets/sora-2.ts, which proves our request bodies
 * are assignable to the openai SDK's own parameter types. This test shows the same check fails for
 * a body the SDK would not accept, so an SDK change that breaks us cannot pass unnoticed.
 */
function typeErrors(code: string): string[] {
  const file = path.join(ROOT, 'src', '__sdk_probe__.ts');
  const options: ts.CompilerOptions = { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true, types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => (path.resolve(f) === file ? code : read(f));
  const exists = host.fileExists.bind(host);
  host.fileExists = (f) => path.resolve(f) === file || exists(f);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const header = `import type { VideoCreateParams, VideoExtendParams } from 'openai/resources/videos';\ntype Assignable<T extends U, U> = T;\n`;

describe('request bodies are checked against the openai SDK types at compile time', () => {
  // Building a TypeScript program takes seconds, more on a loaded machine.
  it('accepts the bodies shotc emits', { timeout: 180_000 }, () => {
    expect(typeErrors(`${header}import type { SoraCreateBody, SoraExtendBody } from './core/targets/sora-2.js';\nexport type A = [Assignable<SoraCreateBody, Omit<VideoCreateParams, 'input_reference'>>, Assignable<SoraExtendBody, VideoExtendParams>];\n`)).toEqual([]);
  });

  it('rejects a body the SDK does not take (a 16-second create, a numeric seconds)', { timeout: 180_000 }, () => {
    expect(typeErrors(`${header}export type A = Assignable<{ prompt: string; seconds: '16' }, VideoCreateParams>;\n`).join('\n')).toMatch(/does not satisfy the constraint/);
    expect(typeErrors(`${header}export type B = Assignable<{ prompt: string; seconds: 8; video: { id: string } }, VideoExtendParams>;\n`).join('\n')).toMatch(/does not satisfy the constraint/);
  });
});
