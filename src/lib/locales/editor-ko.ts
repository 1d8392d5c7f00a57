import type { editorEn, themeEn, toolbarEn, urlFormEn } from './editor-en'

export const toolbarKo: typeof toolbarEn = {
  label: '서식',
  group: {
    history: '실행 기록',
    style: '문단 스타일',
    marks: '글자 스타일',
    blocks: '블록',
    insert: '삽입',
    table: '표',
  },
  undo: '실행 취소',
  redo: '다시 실행',
  heading1: '제목 1',
  heading2: '제목 2',
  heading3: '제목 3',
  bold: '굵게',
  italic: '기울임',
  underline: '밑줄',
  strike: '취소선',
  highlight: '형광펜',
  code: '인라인 코드',
  bulletList: '글머리 기호 목록',
  orderedList: '번호 목록',
  taskList: '체크리스트',
  blockquote: '인용',
  codeBlock: '코드 블록',
  horizontalRule: '구분선',
  link: '링크',
  noteLink: '노트 링크',
  image: '이미지',
  table: '표 삽입',
  addRow: '아래에 행 추가',
  deleteRow: '행 삭제',
  addColumn: '오른쪽에 열 추가',
  deleteColumn: '열 삭제',
  toggleHeaderRow: '머리글 행 전환',
  deleteTable: '표 삭제',
}

export const urlFormKo: typeof urlFormEn = {
  linkTitle: '링크',
  linkLabel: '링크 주소',
  linkPlaceholder: 'https://example.com 또는 name@example.com',
  linkRefused: '웹(http, https)과 이메일(mailto) 링크만 추가할 수 있습니다.',
  linkFor: '“{{text}}”에 링크',
  linkInsert: '커서 위치에 주소를 링크로 넣습니다.',
  imageTitle: '이미지',
  imageLabel: '이미지 주소',
  imagePlaceholder: 'https://example.com/picture.png',
  imageRefused: '웹 주소(http, https)의 이미지나 포함된 그림만 추가할 수 있습니다.',
  imageHint: '그림과 파일은 노트에 붙여넣거나 끌어다 놓아도 됩니다(파일당 최대 {{limit}}).',
  apply: '적용',
  remove: '링크 제거',
  cancel: '취소',
}

export const editorKo: typeof editorEn = {
  words_one: '단어 {{count}}개',
  words_other: '단어 {{count}}개',
  characters_one: '{{count}}자',
  characters_other: '{{count}}자',
  taskOpen: '할 일: {{text}}',
  taskDone: '완료: {{text}}',
  emptyTask: '빈 항목',
  pasteFlattened:
    '붙여 넣은 내용이 {{depth}}단계보다 깊게 중첩되어 있어 목록, 인용, 표를 풀고 일반 문단으로 붙여 넣었습니다.',
  pasteRefused: {
    bytes: '붙여 넣지 않았습니다. 노트 하나에 담을 수 있는 최대 크기({{label}})를 넘게 됩니다. 노트는 그대로입니다.',
    nodes:
      '붙여 넣지 않았습니다. 노트 하나에 담을 수 있는 요소(문단, 목록 항목, 텍스트 조각) {{count}}개를 넘게 됩니다. 노트는 그대로입니다.',
    depth: '붙여 넣지 않았습니다. 노트가 {{depth}}단계보다 깊게 중첩됩니다. 노트는 그대로입니다.',
  },
}

export const themeKo: typeof themeEn = {
  label: '테마',
  system: '테마: 시스템 설정',
  light: '테마: 밝게',
  dark: '테마: 어둡게',
  next: '테마 바꾸기 (현재: {{current}})',
}
