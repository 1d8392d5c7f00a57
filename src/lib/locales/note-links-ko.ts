import type { noteLinksEn } from './note-links-en'

export const noteLinksKo: typeof noteLinksEn = {
  missing: '{{title}} (노트를 찾을 수 없음)',
  missingHint: '이 링크가 가리키는 노트가 삭제되었거나 이 라이브러리에 없습니다.',
  openHint: '“{{title}}” 열기 (Enter)',
  picker: {
    title: '노트 링크',
    search: '노트 제목 검색',
    placeholder: '노트 제목…',
    results: '링크할 노트',
    none: '“{{query}}”와 일치하는 노트가 없습니다.',
    noNotes: '아직 다른 노트가 없습니다.',
    hint: '↑↓ 선택, Enter 링크, Esc 닫기',
    untitled: '제목 없음',
  },
  backlinks: {
    title: '이 노트를 링크한 노트',
    count_one: '{{count}}개',
    count_other: '{{count}}개',
    failed: '이 노트를 링크한 노트를 불러오지 못했습니다: {{message}}',
  },
}
