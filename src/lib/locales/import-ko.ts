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
  done_one: '{{file}}: 노트 {{count}}개를 "{{notebook}}" 노트북으로 가져왔습니다',
  done_other: '{{file}}: 노트 {{count}}개를 "{{notebook}}" 노트북으로 가져왔습니다',
  doneBoard_one: '{{file}}: 카드 {{count}}개를 "{{board}}" 보드로 가져왔습니다',
  doneBoard_other: '{{file}}: 카드 {{count}}개를 "{{board}}" 보드로 가져왔습니다',
  failed: '{{file}} 파일을 끝까지 읽지 못했습니다: {{message}}',
  failedAt: '{{file}} 파일을 끝까지 읽지 못했습니다({{line}}행 {{column}}열): {{message}}',
  kept_one: '오류 전에 가져온 노트 {{count}}개는 그대로 두었습니다.',
  kept_other: '오류 전에 가져온 노트 {{count}}개는 그대로 두었습니다.',
  rolledBack_one: '오류 전에 가져온 노트 {{count}}개를 지웠습니다.',
  rolledBack_other: '오류 전에 가져온 노트 {{count}}개를 지웠습니다.',
  cancelled_one: '{{file}}: 노트 {{count}}개를 가져온 뒤 취소했습니다.',
  cancelled_other: '{{file}}: 노트 {{count}}개를 가져온 뒤 취소했습니다.',
  skipped: '건너뜀',
  warnings_one: '경고 {{count}}개',
  warnings_other: '경고 {{count}}개',
  dismiss: '닫기',
  into: '넣을 곳',
  intoPerFile: '파일 이름으로 새 노트북 만들기',
  rollbackOption: '파일이 깨져 있으면 그 파일에서 가져온 노트를 지우기',
  unsupported: '{{file}} 파일은 .enex 또는 .json 파일이 아닙니다.',
  interruptedLabel: '중단된 가져오기',
  interruptedResumable_one:
    'Tickler가 예기치 않게 닫혀 {{file}} 가져오기가 노트 {{count}}개에서 멈췄습니다. 그 노트는 그대로 있습니다. 같은 파일을 다시 가져오면 나머지를 가져옵니다. 두 번 가져오는 노트는 없습니다.',
  interruptedResumable_other:
    'Tickler가 예기치 않게 닫혀 {{file}} 가져오기가 노트 {{count}}개에서 멈췄습니다. 그 노트들은 그대로 있습니다. 같은 파일을 다시 가져오면 나머지를 가져옵니다. 두 번 가져오는 노트는 없습니다.',
  interruptedRolledBack_one:
    'Tickler가 예기치 않게 닫혀 {{file}} 가져오기가 멈췄습니다. 선택한 대로 가져왔던 노트 {{count}}개를 지웠습니다.',
  interruptedRolledBack_other:
    'Tickler가 예기치 않게 닫혀 {{file}} 가져오기가 멈췄습니다. 선택한 대로 가져왔던 노트 {{count}}개를 지웠습니다.',
  interruptedFinished: '{{file}} 가져오기는 Tickler가 닫히기 직전에 끝났습니다. 가져온 파일로 기록했습니다.',
  resume: '{{file}} 다시 가져오기…',
  resumed_one:
    '중단됐던 이 파일의 가져오기에서 이미 가져온 노트 {{count}}개 다음부터 이어서 가져왔습니다. 그 노트는 다시 가져오지 않았습니다.',
  resumed_other:
    '중단됐던 이 파일의 가져오기에서 이미 가져온 노트 {{count}}개 다음부터 이어서 가져왔습니다. 그 노트들은 다시 가져오지 않았습니다.',
}
