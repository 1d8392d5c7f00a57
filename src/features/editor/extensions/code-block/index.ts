export { CodeBlock } from './extension'
