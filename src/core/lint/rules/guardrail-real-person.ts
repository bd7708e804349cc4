import type { CastMember } from '../../resolve/model.js';
import { findCharacters } from '../guardrails/characters.js';
import { isMusicCredit } from '../guardrails/music.js';
import { findPeople, loadGazetteer, occupationNoun, type PersonHit } from '../guardrails/people.js';
import { unknownPeople } from '../guardrails/people-nlp.js';
import { replaceFix, withArticle } from '../guardrails/replace.js';
import { inRanges, quotedRanges, spanIn } from '../guardrails/text.js';
import { ruleMeta } from '../meta.js';
import type { Rule, TextFragment } from '../types.js';

/**
 * Real people and public figures: the gazetteer (Pantheon 1.0 plus our additions) for names we
 * know — errors — and compromise's person detection for full names we do not know — warnings.
 * Slow: the gazetteer is a large list and the language model is heavy to load, so it runs on
 * save and in the CLI, not on every keystroke.
 */
export const guardrailRealPerson: Rule = {
  meta: ruleMeta('SC701', { speed: 'slow', fixes: { suggestions: true } }),
  create(ctx) {
    const fragments: TextFragment[] = [];
    const members: CastMember[] = [];
    const castNames = new Set(ctx.file.cast.keys());
    return {
      text(f) {
        fragments.push(f);
      },
      castMember(m) {
        members.push(m);
      },
      async end() {
        if (!fragments.length && !members.length) return;
        const g = await loadGazetteer();
        const message = (h: PersonHit, spoken: boolean): string => {
          const who = `"${h.person.name}" (${occupationNoun(h.person.occupation)})`;
          return spoken
            ? `${who} is a real person named in spoken or quoted words; if the clip shows them, the API will refuse it (no real people, including public figures). Keep the name out of what is seen.`
            : `${who} is a real person; the API refuses to generate real people, including public figures. Describe a fictional character instead (and add them to CAST so every clip draws the same person).`;
        };
        for (const m of members) {
          for (const h of findPeople(g, m.name)) {
            if (ctx.isAllowed(m.name)) continue;
            ctx.report({
              span: { start: m.entry.name.span.start + h.start, end: m.entry.name.span.start + h.end },
              message: `The cast member ${m.name} is named after a real person, ${h.person.name} (${occupationNoun(h.person.occupation)}); the API refuses to generate real people, including public figures. Give the character a fictional name.`,
            });
          }
        }
        // Names of copyrighted characters ("Bruce Wayne") are the character rule's, not people.
        const taken: Array<[number, number]> = fragments.flatMap((f) => findCharacters(f.text, { castNames }).map((h): [number, number] => [f.span.start + h.start, f.span.start + h.end]));
        for (const f of fragments) {
          const quoted = quotedRanges(f.text);
          for (const h of findPeople(g, f.text, { castNames })) {
            const phrase = f.text.slice(h.start, h.end);
            if (ctx.isAllowed(phrase) || isMusicCredit(f.text, h.start, h.end)) continue;
            const spoken = f.kind === 'dialogue' || inRanges(quoted, h.start);
            const span = spanIn(f.span, h.start, h.end);
            if (taken.some(([s, e]) => span.start < e && s < span.end)) continue;
            taken.push([span.start, span.end]);
            ctx.report({
              span,
              severity: spoken ? 'warning' : 'error',
              message: message(h, spoken),
              fixes: [replaceFix(`Replace with "${withArticle(occupationNoun(h.person.occupation))}"`, f.text, f.span, h.start, h.end, withArticle(occupationNoun(h.person.occupation)))],
            });
          }
        }
        // Full names the gazetteer does not know: compromise decides whether they are people.
        for (const u of await unknownPeople(fragments.filter((f) => f.kind !== 'dialogue'), castNames, g.givenNames)) {
          const span = spanIn(u.fragment.span, u.start, u.end);
          if (taken.some(([s, e]) => span.start < e && s < span.end) || ctx.isAllowed(u.name) || isMusicCredit(u.fragment.text, u.start, u.end)) continue;
          ctx.report({
            span,
            severity: 'warning',
            message: `"${u.name}" reads as a person's full name. If it is a real person, the API will refuse to generate them; if the character is fictional, add them to CAST (or to \`lint: allow\`).`,
            fixes: [replaceFix('Replace with "a person"', u.fragment.text, u.fragment.span, u.start, u.end, 'a person')],
          });
        }
      },
    };
  },
};
