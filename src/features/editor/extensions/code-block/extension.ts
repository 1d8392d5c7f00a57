import CodeBlockLowlight from '@tiptap/extension-code-block-lowlight'
import bash from 'highlight.js/lib/languages/bash'
import css from 'highlight.js/lib/languages/css'
import java from 'highlight.js/lib/languages/java'
import javascript from 'highlight.js/lib/languages/javascript'
import json from 'highlight.js/lib/languages/json'
import markdown from 'highlight.js/lib/languages/markdown'
import python from 'highlight.js/lib/languages/python'
import sql from 'highlight.js/lib/languages/sql'
import typescript from 'highlight.js/lib/languages/typescript'
import xml from 'highlight.js/lib/languages/xml'
import yaml from 'highlight.js/lib/languages/yaml'
import { createLowlight } from 'lowlight'
import './code-languages.css'

// A handful of languages people paste into notes; every grammar costs bundle size, so not all 190.
// highlight.js is a declared peer of the code-block-lowlight extension, so it is installed with it.
const lowlight = createLowlight({
  bash,
  css,
  java,
  javascript,
  json,
  markdown,
  python,
  sql,
  typescript,
  xml,
  yaml,
})
lowlight.registerAlias({
  bash: ['sh', 'shell', 'zsh'],
  javascript: ['js'],
  typescript: ['ts'],
  xml: ['html'],
})

/** The languages offered for a code block, in menu order; `null` lets lowlight guess. */
export const CODE_LANGUAGES = [
  'javascript',
  'typescript',
  'python',
  'java',
  'sql',
  'json',
  'yaml',
  'bash',
  'css',
  'xml',
  'markdown',
] as const

export const CodeBlock = CodeBlockLowlight.configure({ lowlight, defaultLanguage: null })
