import type { MenuItemConstructorOptions } from 'electron'

type Role = NonNullable<MenuItemConstructorOptions['role']>

/** The native menu's words. Electron labels role items in English only, so Korean names them itself. */
const EN = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  help: 'Help',
  newNote: 'New Note',
  quickCapture: 'Quick Capture…',
  importMarkdown: 'Import Markdown…',
  importNotes: 'Import Evernote or Trello…',
  searchNotes: 'Search Notes…',
  website: (app: string) => `${app} Website`,
  roles: {} as Partial<Record<Role, string>>,
}

const KO: typeof EN = {
  file: '파일',
  edit: '편집',
  view: '보기',
  window: '창',
  help: '도움말',
  newNote: '새 노트',
  quickCapture: '빠른 메모…',
  importMarkdown: 'Markdown 가져오기…',
  importNotes: '에버노트·트렐로 가져오기…',
  searchNotes: '노트 검색…',
  website: (app) => `${app} 웹사이트`,
  roles: {
    about: 'Tickler 정보',
    services: '서비스',
    hide: 'Tickler 가리기',
    hideOthers: '기타 가리기',
    unhide: '모두 보기',
    quit: '종료',
    close: '창 닫기',
    undo: '실행 취소',
    redo: '다시 실행',
    cut: '잘라내기',
    copy: '복사',
    paste: '붙여넣기',
    selectAll: '모두 선택',
    reload: '새로 고침',
    toggleDevTools: '개발자 도구',
    resetZoom: '실제 크기',
    zoomIn: '확대',
    zoomOut: '축소',
    togglefullscreen: '전체 화면',
    minimize: '최소화',
    zoom: '확대/축소',
    front: '모두 앞으로 가져오기',
  },
}

export type MenuStrings = typeof EN
export const menuStrings = (locale: string): MenuStrings => (locale.toLowerCase().startsWith('ko') ? KO : EN)
