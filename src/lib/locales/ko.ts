import { editorKo, themeKo, toolbarKo, urlFormKo } from './editor-ko'
import { captureKo } from './capture-ko'
import { followupsKo } from './followups-ko'
import { enexImportKo } from './import-ko'
import type { Messages } from './en'
import { organizeKo } from './organize-ko'
import { boardsKo } from './boards-ko'
import { searchKo } from './search-ko'
import { noteLinksKo } from './note-links-ko'
import { attachmentsKo, transferKo } from './transfer-ko'
import { mailKo } from './mail-ko'

export const ko: Messages = {
  app: { name: 'Tickler' },
  enexImport: enexImportKo,
  capture: captureKo,
  organize: organizeKo,
  boards: boardsKo,
  search: searchKo,
  noteLinks: noteLinksKo,
  attachments: attachmentsKo,
  transfer: transferKo,
  mail: mailKo,
  sidebar: {
    label: '라이브러리',
    allNotes: '모든 노트',
    inbox: '수신함',
    notebooks: '노트북',
    newNote: '새 노트',
    newNotebook: '노트북 추가',
    notebookName: '노트북 이름',
    notebookNamePlaceholder: '노트북 이름을 입력하세요',
    create: '만들기',
    cancel: '취소',
    count_one: '노트 {{count}}개',
    count_other: '노트 {{count}}개',
    createFailed: '노트북을 만들지 못했습니다: {{message}}',
  },
  list: {
    label: '노트',
    untitled: '제목 없음',
    noBody: '내용 없음',
    emptyTitle: '아직 노트가 없습니다',
    emptyAllTitle: '라이브러리가 비어 있습니다',
    emptyHint: '{{name}}에 쓴 노트가 최신순으로 여기에 표시됩니다.',
    emptyAllHint: '생각, 회의 내용, 할 일 — 쓰는 모든 것이 최신순으로 여기에 표시됩니다.',
    createFirst: '노트 만들기',
  },
  note: {
    title: '제목',
    titlePlaceholder: '제목 없음',
    body: '노트 본문',
    bodyPlaceholder: '내용을 입력하세요…',
    in: '{{name}}',
    edited: '{{time}} 수정',
    emptyTitle: '열린 노트가 없습니다',
    emptyHint: '목록에서 노트를 고르거나 새 노트를 시작하세요.',
    loadFailed: '노트를 열지 못했습니다: {{message}}',
    createFailed: '노트를 만들지 못했습니다: {{message}}',
  },
  save: {
    saving: '저장 중…',
    saved: '저장됨',
    unsaved: '수정됨',
    failed: '저장 실패: {{message}}',
    retry: '다시 시도',
  },
  toolbar: toolbarKo,
  urlForm: urlFormKo,
  editor: editorKo,
  theme: themeKo,
  language: {
    title: '언어',
    hint: '앱 전체와 메뉴, 알림에 쓰입니다. 시스템 설정은 컴퓨터 언어({{name}})를 따릅니다.',
    system: '시스템 설정',
    failed: '언어를 저장하지 못했습니다: {{message}}',
  },
  followups: followupsKo,
  library: {
    loadFailed: '라이브러리를 불러오지 못했습니다: {{message}}',
    retry: '다시 시도',
  },
}
