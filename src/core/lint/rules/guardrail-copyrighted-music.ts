import { findMusic, type MusicHit } from '../guardrails/music.js';
import { replaceFix } from '../guardrails/replace.js';
import { spanIn } from '../guardrails/text.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/**
 * Copyrighted music: a song title, an artist's music or a film's theme in a music phrase. A quoted
 * title we do not know, or "in the style of" an artist, is a warning; dialogue is never read as
 * a song title.
 */
export const guardrailCopyrightedMusic: Rule = {
  meta: ruleMeta('SC703', { speed: 'fast', fixes: { suggestions: true } }),
  create(ctx) {
    const castNames = new Set(ctx.file.cast.keys());
    const describe = (h: MusicHit, phrase: string): string => {
      switch (h.kind) {
        case 'title':
          return `"${h.name}" is a copyrighted song; the API refuses copyrighted music. Describe original music instead: its genre, tempo, instruments and mood.`;
        case 'unknown-title':
          return `${phrase} reads as a song title; if it is an existing song, the API will refuse it (no copyrighted music). Describe original music instead: genre, tempo, instruments, mood.`;
        case 'artist':
          return `Music by ${h.name} is copyrighted; the API refuses copyrighted music. Describe original music instead: its genre, tempo, instruments and mood.`;
        case 'style':
          return `Music "in the style of" ${h.name} may be refused as copyrighted; describe the sound itself (genre, tempo, instruments, mood) instead of naming the artist.`;
        case 'theme':
          return `The ${h.name} theme is copyrighted music; the API refuses it. Describe an original score instead (e.g. "a slow, ominous two-note cello motif").`;
      }
    };
    return {
      text(f) {
        if (f.kind === 'dialogue') return;
        const sound = f.section === 'sound' || (f.kind === 'shot-key' && /^sound$/i.test(f.label ?? ''));
        for (const h of findMusic(f.text, { soundSection: sound, castNames })) {
          const phrase = f.text.slice(h.start, h.end);
          if (ctx.isAllowed(h.name) || ctx.isAllowed(phrase)) continue;
          const generic = h.kind === 'title' || h.kind === 'unknown-title' ? 'an original song' : h.kind === 'artist' && /\bby\s+$/i.test(f.text.slice(0, h.start)) ? 'an original artist' : h.kind === 'artist' ? 'original music' : null;
          ctx.report({
            span: spanIn(f.span, h.start, h.end),
            severity: h.sure ? 'error' : 'warning',
            message: describe(h, phrase),
            fixes: generic ? [replaceFix(`Replace with "${generic}"`, f.text, f.span, h.start, h.end, generic)] : [],
          });
        }
      },
    };
  },
};
