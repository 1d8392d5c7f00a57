import type { ReactElement } from 'react'

/** Simple 20×20 stroke icons, drawn in currentColor so they follow the theme and the active state. */
const paths: Record<string, ReactElement> = {
  undo: <path d="M7 5 3.5 8.5 7 12M4 8.5h8a4.5 4.5 0 0 1 0 9H9" />,
  redo: <path d="M13 5l3.5 3.5L13 12M16 8.5H8a4.5 4.5 0 0 0 0 9h3" />,
  bulletList: (
    <path
      d="M8 5.5h9M8 10h9M8 14.5h9M3.8 5.5h.4M3.8 10h.4M3.8 14.5h.4"
      strokeWidth="1.8"
      strokeLinecap="round"
    />
  ),
  orderedList: (
    <path d="M8.5 5.5H17M8.5 10H17M8.5 14.5H17M3.5 4.3l1.2-.8v4M3.2 12.2c.3-.6 2.3-.9 2.2.4-.1.9-2.2 1.6-2.2 2.8h2.4" />
  ),
  taskList: <path d="M3.5 4.5h4v4h-4zM4.6 6.6l.9.9 1.6-1.8M3.5 11.5h4v4h-4zM10 6.5h7M10 13.5h7" />,
  blockquote: <path d="M4 6h5v4.5c0 2-1.3 3.3-3.3 3.6M11 6h5v4.5c0 2-1.3 3.3-3.3 3.6M4 6v4.5h5M11 6v4.5h5" />,
  code: <path d="M7.5 6 3.5 10l4 4M12.5 6l4 4-4 4" />,
  codeBlock: <path d="M3 4.5h14v11H3zM7.5 8 5.5 10l2 2M12.5 8l2 2-2 2" />,
  horizontalRule: <path d="M3 10h14M5 5.5h10M5 14.5h10" strokeOpacity="1" />,
  link: (
    <path d="M8.5 11.5a3 3 0 0 0 4.2.1l2.6-2.6a3 3 0 0 0-4.2-4.2l-1 1M11.5 8.5a3 3 0 0 0-4.2-.1L4.7 11a3 3 0 0 0 4.2 4.2l1-1" />
  ),
  noteLink: <path d="M5 3h7l3 3v11H5zM12 3v3h3M7.5 11.5h5M7.5 14h3M8 8.5h1.5" />,
  image: <path d="M3 4.5h14v11H3zM3 13l4-4 3.5 3.5 2-2L17 14.5M12.5 7.5h.01" />,
  table: <path d="M3 4.5h14v11H3zM3 8.5h14M3 12h14M8 4.5v11M12.5 4.5v11" />,
  highlight: <path d="m11.5 4 4.5 4.5-6.5 6.5H5v-4.5zM4 17h12" />,
  rowAfter: <path d="M3 3.5h14v7H3zM3 7h14M10 13v5M7.5 15.5h5" />,
  rowDelete: <path d="M3 3.5h14v7H3zM3 7h14M7.5 13.5l5 4M12.5 13.5l-5 4" />,
  columnAfter: <path d="M3 3h7v14H3zM6.5 3v14M13 10h5M15.5 7.5v5" />,
  columnDelete: <path d="M3 3h7v14H3zM6.5 3v14M13 7.5l4 5M17 7.5l-4 5" />,
  tableDelete: <path d="M3 4.5h14v11H3zM3 8.5h14M7.5 10.5l5 4M12.5 10.5l-5 4" />,
  headerRow: <path d="M3 4.5h14v11H3zM3 8.5h14M8 8.5v7M12.5 8.5v7M3 6.5h14" strokeWidth="1.4" />,
}

export function ToolIcon({ name }: { name: string }) {
  const path = paths[name]
  if (!path) return null
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {path}
    </svg>
  )
}
