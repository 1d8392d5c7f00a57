import type { attachmentsEn, transferEn } from './transfer-en'

/** 첨부 파일과 Markdown/HTML 내보내기·가져오기 문구 (한국어). */
export const attachmentsKo: typeof attachmentsEn = {
  open: '{{name}} 열기 ({{size}})',
  openHint: '기본 앱으로 열기 (선택한 뒤 Enter). 프로그램을 실행할 수 있는 파일은 폴더에서 보여 줍니다',
  missing: '첨부 파일을 찾을 수 없음',
  blocked:
    '“{{name}}”을(를) 열지 않았습니다. .{{type}} 파일은 프로그램을 실행할 수 있습니다. 파일은 라이브러리의 첨부 파일 폴더에 그대로 있습니다.',
  blockedShown:
    '“{{name}}”을(를) 열지 않았습니다. .{{type}} 파일은 프로그램을 실행할 수 있어 폴더에서 보여 줍니다. 믿을 수 있는 파일일 때만 그곳에서 여세요.',
  tooLarge: '“{{name}}”을(를) 추가하지 않았습니다. 첨부 파일은 최대 {{limit}}까지입니다.',
  failed: '“{{name}}”을(를) 추가하지 못했습니다: {{message}}',
  webImageFailed: '웹 그림을 노트에 저장하지 못해 링크로 남겼습니다. ({{message}})',
}

export const transferKo: typeof transferEn = {
  export: '내보내기',
  exportMenu: '내보내기 옵션',
  exportNoteMarkdown: '이 노트를 Markdown으로',
  exportNoteHtml: '이 노트를 HTML로',
  exportNotebookMarkdown: '이 노트북을 Markdown으로',
  exportNotebookHtml: '이 노트북을 HTML로',
  exported_one: '파일 {{count}}개를 {{folder}}에 내보냈습니다.',
  exported_other: '파일 {{count}}개를 {{folder}}에 내보냈습니다.',
  downloaded: '{{name}}을(를) 내려받았습니다.',
  exportFailed: '내보내지 못했습니다: {{message}}',
  import: '가져오기',
  importMenu: '가져오기 방법',
  importFiles: 'Markdown 파일 가져오기',
  importFolder: '폴더 가져오기',
  importHint: 'Markdown 파일(.md), 그 파일이 든 폴더, 또는 Tickler 내보내기(.zip).',
  imported_one: '노트 {{count}}개를 가져왔습니다.',
  imported_other: '노트 {{count}}개를 가져왔습니다.',
  skipped: '{{path}} 건너뜀: {{reason}}',
  warning: '{{path}}: {{message}} (나머지는 가져왔습니다)',
  importFailed: '가져오지 못했습니다: {{message}}',
  dropHere: 'Markdown 파일을 놓아 가져오기',
  dismiss: '닫기',
}
