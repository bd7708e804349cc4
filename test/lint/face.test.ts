/**
 * reference/face with the real detector (face-api's tiny face detector on the CPU backend, ffmpeg
 * decoding): a procedurally drawn face (test/lint/fixtures/drawn-face.svg, rendered by ffmpeg's
 * SVG decoder) is found; colour bars are not. Through the CLI, as a user runs it. A host whose
 * detector cannot run gets one note per file instead of a failure.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, memoryHost } from '../../src/index.js';
import { FaceDetectorUnavailable } from '../../src/core/host.js';
import { runCli } from '../helpers/cli.js';
import { makeImage } from '../helpers/images.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

const shot = (files: string[]): string =>
  `Style: 1970s romantic drama, 35 mm.\n\n${files.map((f, i) => `CLIP c${i} 4s 1280x720\n  Reference: frames/${f}\n  She looks up from her book.\n`).join('\n')}`;

describe('reference/face', () => {
  it('warns about a reference image with a face, and not about one without', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'frames'));
    writeFileSync(path.join(dir, 'frames', 'face.png'), await makeImage('png', 1280, 720, 'face'));
    writeFileSync(path.join(dir, 'frames', 'face.webp'), await makeImage('webp', 1280, 720, 'face'));
    writeFileSync(path.join(dir, 'frames', 'bars.jpg'), await makeImage('jpeg', 1280, 720));
    writeFileSync(path.join(dir, 'scene.shot'), shot(['face.png', 'bars.jpg', 'face.webp']));
    const r = await runCli(['lint', 'scene.shot', '--format', 'json'], { cwd: dir });
    const faces = (JSON.parse(r.stdout) as Array<{ rule: string; severity: string; message: string; range: { start: { line: number } } }>).filter((d) => d.rule === 'reference/face');
    expect(faces.map((d) => [d.severity, d.range.start.line])).toEqual([
      ['warning', 4],
      ['warning', 12],
    ]);
    expect(faces[0]!.message).toMatch(/^"frames\/face\.png" shows a human face \(detector confidence \d+%\); video APIs refuse reference images with human faces/);
    expect(r.code).toBe(0);
  }, 120_000);

  it('says once per file, as a note, when the detector cannot run', async () => {
    const png = await makeImage('png', 1280, 720);
    const host = {
      ...memoryHost({ '/p/frames/a.png': png, '/p/frames/b.png': png }, '/p'),
      faceDetector: {
        detect: () => Promise.reject(new FaceDetectorUnavailable('the face detector is not installed (npm install @vladmandic/face-api@1.7.15, an optional dependency of shotc)')),
      },
    };
    const { diagnostics } = await compile(shot(['a.png', 'b.png']), { filename: '/p/scene.shot', host });
    expect(diagnostics.filter((d) => d.rule === 'reference/face').map((d) => [d.severity, d.message])).toEqual([
      ['info', 'Could not check "frames/a.png" for human faces: the face detector is not installed (npm install @vladmandic/face-api@1.7.15, an optional dependency of shotc).'],
    ]);
  });

  it('is skipped by hosts without a detector (browsers, the playground)', async () => {
    const png = await makeImage('png', 1280, 720, 'face');
    const { diagnostics } = await compile(shot(['a.png']), { filename: '/p/scene.shot', host: memoryHost({ '/p/frames/a.png': png }, '/p') });
    expect(diagnostics.filter((d) => d.rule === 'reference/face')).toEqual([]);
  });
});
