export { SafeImage } from './extension'
export { allowImageScheme, isAllowedImageSrc } from './image-src'
