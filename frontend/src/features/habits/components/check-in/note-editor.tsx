import { useId, useState } from "react";

interface NoteEditorProps {
  habitName: string;
  initial: string;
  onSave: (note: string) => void;
  onCancel: () => void;
}

/** Writes today's note for a habit; it opens focused, and saving trims the text. */
export function NoteEditor({ habitName, initial, onSave, onCancel }: NoteEditorProps) {
  const [text, setText] = useState(initial);
  const id = useId();
  return (
    <form
      className="note-editor"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(text.trim());
      }}
    >
      <label htmlFor={id}>Note for {habitName}</label>
      <textarea id={id} rows={2} value={text} autoFocus onChange={(event) => setText(event.target.value)} />
      <div className="button-row">
        <button type="submit" className="button button-primary">
          Save note
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
