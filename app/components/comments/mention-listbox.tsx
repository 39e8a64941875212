import { useEffect, useRef } from "react";
import { Avatar } from "../person";
import type { ComposerMember } from "./comment-composer";

/**
 * The suggestions under the comment box while an @-name is typed. Focus
 * stays in the text box (aria-activedescendant names the highlighted
 * option); a pointer picks with mousedown, before the box loses focus.
 * The highlighted option is scrolled into view, in the list and in the
 * panel around it, so suggestions never open out of sight.
 */
export function MentionListbox({
  id,
  label,
  options,
  active,
  onPick,
}: {
  id: string;
  label: string;
  options: readonly ComposerMember[];
  active: number;
  onPick: (index: number) => void;
}) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    list.current?.scrollIntoView({ block: "nearest" });
  }, []);
  useEffect(() => {
    list.current?.children[active]?.scrollIntoView({ block: "nearest" });
  }, [active, options.length]);
  return (
    <ul ref={list} id={id} role="listbox" aria-label={label} className="mention-listbox">
      {options.map((member, index) => (
        <li
          key={member.userId}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === active}
          className={index === active ? "is-active" : undefined}
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(index);
          }}
        >
          <Avatar name={member.name} team={member.team} />
          <span>{member.name}</span>
        </li>
      ))}
    </ul>
  );
}
