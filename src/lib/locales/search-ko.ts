import type { searchEn } from './search-en'

/** 검색 팔레트(Mod+Shift+F) 문구. */
export const searchKo: typeof searchEn = {
  open: '검색',
  dialog: '노트 검색',
  label: '검색',
  placeholder: '노트 검색 — tag:업무 또는 "정확한 문구"',
  filters: '필터',
  results: '검색 결과',
  untitled: '제목 없음',
  none: '일치하는 노트가 없습니다.',
  more_one: '{{count}}개 더 있습니다 — 검색어를 좁혀 보세요.',
  more_other: '{{count}}개 더 있습니다 — 검색어를 좁혀 보세요.',
  ignored: '사용하지 않은 부분: {{list}}',
  indexing: '이전 노트를 색인하는 중입니다. 결과가 더 나타날 수 있습니다.',
  failed: '검색하지 못했습니다: {{message}}',
  helpTitle: '단어를 입력하면 모든 단어가 들어 있는 노트를 찾습니다. 이런 것도 쓸 수 있습니다:',
  saved: {
    section: '저장된 검색',
    none: '검색창에서 검색을 저장하면 여기에 보입니다.',
    actions: '저장된 검색 {{name}} 작업',
    remove: '저장된 검색 삭제',
    save: '검색 저장',
    name: '이 검색의 이름',
    confirm: '저장',
    cancel: '취소',
    done: '사이드바에 “{{name}}”(으)로 저장했습니다.',
  },
  syntax: {
    words: { example: '견적 회신', meaning: '두 단어가 모두 있는 노트 (마지막 단어는 입력 중이어도 됨)' },
    phrase: { example: '"주간 회의"', meaning: '붙어 있는 문구 그대로' },
    exclude: { example: '보고서 -초안', meaning: '이 단어가 있는 노트는 빼기' },
    or: { example: '김 OR 이', meaning: '둘 중 하나' },
    tag: { example: 'tag:업무 notebook:Inbox board:영업', meaning: '태그, 노트북이나 보드로 좁히기' },
    followup: {
      example: 'has:followup due:overdue is:done has:attachment',
      meaning: '후속 조치, 완료한 노트, 파일이 있는 노트',
    },
    date: { example: 'updated:>2025-01-01', meaning: '날짜 이후/이전에 수정(created:는 생성)' },
  },
}
