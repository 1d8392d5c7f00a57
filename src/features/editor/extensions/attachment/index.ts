export { Attachment, type AttachmentOptions } from './extension'
export { shouldAttachPaste, uploadFiles, type AttachmentApi } from './upload'
