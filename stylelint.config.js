/**
 * Stylelint for every sheet. Beyond the standard rules: no raw colour, font size or spacing outside
 * src/styles/tokens.css, so the scales and the dark theme stay the one place such values live.
 */
const RAW_LENGTH = ['/\\d(px|rem)\\b/']
// hsl() stays allowed for colours computed from variables (a label's hue); literal numbers are not.
const LITERAL_COLOUR_FUNCTION = ['/\\bhsla?\\(\\s*[\\d.]/']

export default {
  extends: ['stylelint-config-standard'],
  rules: {
    'color-no-hex': true,
    'color-named': 'never',
    'function-disallowed-list': ['rgb', 'rgba', 'hwb', 'lab', 'lch', 'oklab', 'oklch'],
    'declaration-property-value-disallowed-list': {
      '/^(margin|padding|gap|row-gap|column-gap)(-|$)/': RAW_LENGTH,
      'font-size': RAW_LENGTH,
      '/.*/': LITERAL_COLOUR_FUNCTION,
    },
    // Class names are kebab-case, except the ones ProseMirror, TipTap and highlight.js put in the DOM.
    'selector-class-pattern': [
      '^([a-z][a-z0-9]*(-[a-z0-9]+)*|ProseMirror-[a-z]+|hljs-[a-z_]+|selectedCell|tableWrapper)$',
      { message: (selector) => `Expected class selector "${selector}" to be kebab-case` },
    ],
    // Font family names keep their own spelling (BlinkMacSystemFont, Menlo), as the font lists them.
    'value-keyword-case': ['lower', { ignoreProperties: ['/^--font-/'] }],
    // Each sheet orders a component's states (base, hover, focus, disabled) for reading, and states of
    // different elements never compete; the rule reports that order as an error.
    'no-descending-specificity': null,
  },
  overrides: [
    {
      files: ['src/styles/tokens.css'],
      rules: {
        'color-no-hex': null,
        'function-disallowed-list': null,
        'declaration-property-value-disallowed-list': null,
      },
    },
  ],
}
