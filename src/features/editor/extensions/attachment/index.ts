export { Attachment, type AttachmentOptions } from './extension'
export { shouldAttachPaste, uploadFiles, type AttachmentApi } from './upload'
export { SAVE_WEB_IMAGES } from './remote-images'
