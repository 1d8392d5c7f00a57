import type { enexImportEn } from './import-en'

/** 에버노트 / 트렐로 가져오기 (features/import). */
export const enexImportKo: typeof enexImportEn = {
  button: '에버노트·트렐로 가져오기…',
  pick: '에버노트 내보내기(.enex) 또는 트렐로 보드(.json) 선택',
  uploading: '{{file}} 읽는 중…',
  progress: '{{file}}: {{imported}}개 가져옴, {{skipped}}개 건너뜀',
  progressLabel: '가져오기 진행률',
  cancel: '가져오기 취소',
  again: '{{file}} 파일은 {{date}}에 이미 가져왔습니다. 다시 가져올까요? 노트가 한 번 더 추가됩니다.',
  importAgain: '다시 가져오기',
  skip: '가져오지 않기',
  done: '{{file}}: 노트 {{imported}}개를 "{{notebook}}" 노트북으로 가져왔습니다',
  doneBoard: '{{file}}: 카드 {{imported}}개를 "{{board}}" 보드로 가져왔습니다',
  failed: '{{file}} 파일을 끝까지 읽지 못했습니다: {{message}}',
  failedAt: '{{file}} 파일을 끝까지 읽지 못했습니다({{line}}행 {{column}}열): {{message}}',
  kept: '오류 전에 가져온 노트 {{count}}개는 그대로 두었습니다.',
  rolledBack: '오류 전에 가져온 노트 {{count}}개를 지웠습니다.',
  cancelled: '{{file}}: 노트 {{imported}}개를 가져온 뒤 취소했습니다.',
  skipped: '건너뜀',
  warnings: '경고 {{count}}개',
  dismiss: '닫기',
  rollbackOption: '파일이 깨져 있으면 그 파일에서 가져온 노트를 지우기',
  unsupported: '{{file}} 파일은 .enex 또는 .json 파일이 아닙니다.',
}
