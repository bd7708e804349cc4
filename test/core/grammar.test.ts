import { describe, expect, it } from 'vitest';
import { validateGrammar } from '../../src/core/syntax/parser.js';

describe('the Chevrotain grammar', () => {
  // The parser skips Chevrotain's grammar validations at start (they cost every run); run them here.
  it('passes the grammar validations', () => {
    expect(() => validateGrammar()).not.toThrow();
  });
});
